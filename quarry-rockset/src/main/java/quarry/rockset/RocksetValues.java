package quarry.rockset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.adapter.Column;

/** Rockset's JSON values as dbt sees them: native Java values for rows, and Rockset type names for columns. */
final class RocksetValues {

    /** Rockset's own fields, which dbt's column lists leave out. */
    static final Set<String> SYSTEM_FIELDS = Set.of("_id", "_event_time", "_meta");

    private RocksetValues() {}

    /**
     * A result value as a Java value: numbers keep int or float, typed values ({@code __rockset_type})
     * become their string form, objects and arrays their JSON text (as dbt's agate tables hold them).
     */
    static Object toJava(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isObject() && value.has("__rockset_type") && value.has("value")) {
            return value.get("value").asText();
        }
        return value.toString();
    }

    /** Rockset's type name for a result value. */
    static String typeOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "int";
        }
        if (value.isNumber()) {
            return "float";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isTextual()) {
            return value.textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z") ? "timestamp" : "string";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.has("__rockset_type")) {
            return value.get("__rockset_type").asText().toLowerCase(java.util.Locale.ROOT);
        }
        return "object";
    }

    /** Columns of sample documents, typed from their values (for views, which DESCRIBE cannot read). */
    static List<Column> columnsOfRows(List<? extends JsonNode> rows) {
        Map<String, Map<String, Long>> types = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            row.fields().forEachRemaining(field -> {
                if (!SYSTEM_FIELDS.contains(field.getKey())) {
                    types.computeIfAbsent(field.getKey(), k -> new LinkedHashMap<>())
                            .merge(typeOf(field.getValue()), 1L, Long::sum);
                }
            });
        }
        List<Column> columns = new ArrayList<>();
        types.forEach((name, counts) -> columns.add(new Column(name, joinByCount(counts))));
        return columns;
    }

    /** Columns from {@code DESCRIBE} rows: top-level paths, types joined by {@code /} by occurrences. */
    static List<Column> columnsOfDescribe(List<? extends JsonNode> rows) {
        Map<String, List<JsonNode>> byField = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            JsonNode field = row.path("field");
            if (field.size() != 1 || SYSTEM_FIELDS.contains(field.get(0).asText())) {
                continue;
            }
            byField.computeIfAbsent(field.get(0).asText(), k -> new ArrayList<>()).add(row);
        }
        List<Column> columns = new ArrayList<>();
        byField.forEach((name, types) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            types.forEach(t -> counts.merge(t.path("type").asText(), t.path("occurrences").asLong(), Long::sum));
            columns.add(new Column(name, joinByCount(counts)));
        });
        return columns;
    }

    /** Type names joined by {@code /}, the most frequent first (dbt-rockset's {@code int/string}). */
    private static String joinByCount(Map<String, Long> counts) {
        return String.join("/", counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).toList());
    }
}
