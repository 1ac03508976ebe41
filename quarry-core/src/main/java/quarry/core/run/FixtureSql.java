package quarry.core.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import quarry.core.adapter.Column;

/**
 * The query a unit test input's rows become: {@code SELECT <literal> AS "col", ...} per row joined
 * by {@code UNION ALL}. With the columns of the input's existing relation (dbt reads them with
 * {@code get_columns_in_relation}) every column is present, cast to its type, and columns a row
 * leaves out are NULL; without them the columns are those the rows give, typed from the literals
 * (numbers, booleans, {@code DATE '...'} and {@code TIMESTAMP '...'} for date-like strings).
 */
final class FixtureSql {

    private static final Set<String> CASTABLE = Set.of("int", "float", "bool", "string", "date", "datetime", "time",
            "timestamp");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d*([eE][-+]?\\d+)?|-?\\d+[eE][-+]?\\d+");

    private FixtureSql() {}

    /**
     * The query for these rows.
     *
     * @param relationColumns the existing relation's columns, or empty when it does not exist
     * @param fromText whether values are text to be typed (CSV) rather than typed YAML values
     */
    static String of(List<Map<String, Object>> rows, List<Column> relationColumns, boolean fromText) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Column c : relationColumns) {
            columns.put(c.name(), castType(c.dataType()));
        }
        if (columns.isEmpty()) {
            for (Map<String, Object> row : rows) {
                for (String key : row.keySet()) {
                    if (find(columns.keySet(), key) == null) {
                        columns.put(key, null);
                    }
                }
            }
        } else {
            for (Map<String, Object> row : rows) {
                for (String key : row.keySet()) {
                    if (find(columns.keySet(), key) == null) {
                        throw new IllegalArgumentException("column '" + key + "' of the given rows is not a column of"
                                + " the input's relation (" + String.join(", ", columns.keySet()) + ")");
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            columns.put("dbt_no_columns", null);
        }
        if (rows.isEmpty()) {
            return select(columns, Map.of(), false) + " FROM (SELECT 1 AS one) AS dbt_empty WHERE 1 = 0";
        }
        List<String> selects = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            selects.add(select(columns, row, fromText));
        }
        return String.join("\nUNION ALL\n", selects);
    }

    private static String select(Map<String, String> columns, Map<String, Object> row, boolean fromText) {
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String key = find(row.keySet(), column.getKey());
            Object value = key == null ? null : row.get(key);
            items.add(literal(value, column.getValue(), fromText) + " AS " + quote(column.getKey()));
        }
        return "SELECT " + String.join(", ", items);
    }

    /** A key of the row matching a column name, case-insensitively (exact match first). */
    private static String find(Iterable<String> keys, String name) {
        String loose = null;
        for (String key : keys) {
            if (key.equals(name)) {
                return key;
            }
            if (loose == null && key.equalsIgnoreCase(name)) {
                loose = key;
            }
        }
        return loose;
    }

    /** The first of a relation column's types that can be cast to ({@code int/string} gives {@code int}). */
    static String castType(String dataType) {
        if (dataType == null) {
            return null;
        }
        for (String part : dataType.toLowerCase(Locale.ROOT).split("/")) {
            if (CASTABLE.contains(part.strip())) {
                return part.strip();
            }
        }
        return null;
    }

    static String literal(Object value, String type, boolean fromText) {
        if (value == null) {
            return type == null ? "NULL" : "CAST(NULL AS " + type + ")";
        }
        if (type != null) {
            String plain = value instanceof String s ? "'" + s.replace("'", "''") + "'" : untyped(value, false);
            return type.equals("string") && value instanceof String ? plain : "CAST(" + plain + " AS " + type + ")";
        }
        return untyped(value, fromText);
    }

    private static String untyped(Object value, boolean fromText) {
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Short) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "CAST('" + d + "' AS float)" : BigDecimal.valueOf(d).toPlainString()
                    + (BigDecimal.valueOf(d).scale() <= 0 ? ".0" : "");
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String text = String.valueOf(value);
        if (fromText) {
            if (INTEGER.matcher(text).matches()) {
                return text;
            }
            if (DECIMAL.matcher(text).matches()) {
                return text;
            }
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return text.toUpperCase(Locale.ROOT);
            }
        }
        if (DATE.matcher(text).matches()) {
            return "DATE '" + text + "'";
        }
        if (TIMESTAMP.matcher(text).matches()) {
            return "TIMESTAMP '" + text.replace('T', ' ') + "'";
        }
        return "'" + text.replace("'", "''") + "'";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
