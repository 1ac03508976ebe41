package quarry.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quarry.server.store.CollectionInfo;
import quarry.server.store.ColumnType;
import quarry.server.store.Field;

/**
 * {@code DESCRIBE} (spec §6): one row per (field path, type) with {@code occurrences} and
 * {@code total}. Top-level counts come from column aggregates; nested paths (below
 * {@code max_field_depth}) are walked in the JSON of object and array fields.
 */
final class Describer {

    /** Counts per path and type: occurrences and (top level) total. */
    private final Map<List<String>, Map<String, long[]>> counts = new TreeMap<>(Describer::compare);
    /** How many objects were seen at a path, or (for a path ending in "*") how many array elements. */
    private final Map<List<String>, Long> parents = new java.util.HashMap<>();
    private final ObjectMapper mapper;

    Describer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    List<ObjectNode> describe(java.sql.Connection c, CollectionInfo info, int maxDepth) throws SQLException {
        long total;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + info.table())) {
            rs.next();
            total = rs.getLong(1);
        }
        if (total > 0) {
            add(List.of("_event_time"), "timestamp", total, total);
            add(List.of("_id"), "string", total, total);
            add(List.of("_meta"), "object", total, total);
        }
        for (Field f : info.fields()) {
            String col = TranslationContext.quote(f.column());
            String nullCount = "count_if(coalesce(list_contains(_nulls, " + TranslationContext.literal(f.name())
                    + "), false))";
            try (Statement s = c.createStatement()) {
                if (f.type() == ColumnType.JSON) {
                    try (ResultSet rs = s.executeQuery("SELECT json_type(" + col + "), count(*) FROM " + info.table()
                            + " WHERE " + col + " IS NOT NULL GROUP BY 1")) {
                        while (rs.next()) {
                            add(List.of(f.name()), jsonType(rs.getString(1)), rs.getLong(2), total);
                        }
                    }
                    if (maxDepth > 1) {
                        try (ResultSet rs = s.executeQuery("SELECT " + col + " FROM " + info.table() + " WHERE "
                                + "json_type(" + col + ") IN ('OBJECT', 'ARRAY')")) {
                            while (rs.next()) {
                                walk(List.of(f.name()), parse(rs.getString(1)), maxDepth);
                            }
                        }
                    }
                } else {
                    try (ResultSet rs = s.executeQuery("SELECT count(" + col + ") FROM " + info.table())) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            add(List.of(f.name()), f.type().rocksetType(), rs.getLong(1), total);
                        }
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT " + nullCount + " FROM " + info.table())) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        add(List.of(f.name()), "null", rs.getLong(1), total);
                    }
                }
            }
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (Map.Entry<List<String>, Map<String, long[]>> e : counts.entrySet()) {
            for (Map.Entry<String, long[]> t : e.getValue().entrySet()) {
                ObjectNode row = mapper.createObjectNode();
                ArrayNode path = row.putArray("field");
                e.getKey().forEach(path::add);
                row.put("type", t.getKey());
                row.put("occurrences", t.getValue()[0]);
                List<String> key = e.getKey();
                long rowTotal = key.size() == 1 ? t.getValue()[1]
                        : key.get(key.size() - 1).equals("*") ? parents.getOrDefault(key, 0L)
                        : parents.getOrDefault(key.subList(0, key.size() - 1), 0L);
                row.put("total", rowTotal);
                rows.add(row);
            }
        }
        return rows;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return mapper.nullNode();
        }
    }

    /** Counts the children of a container value found at {@code path}. */
    private void walk(List<String> path, JsonNode value, int maxDepth) {
        if (path.size() >= maxDepth) {
            return;
        }
        if (value.isObject()) {
            parents.merge(path, 1L, Long::sum);
            for (Map.Entry<String, JsonNode> child : value.properties()) {
                List<String> p = append(path, child.getKey());
                add(p, type(child.getValue()), 1, 0);
                walk(p, child.getValue(), maxDepth);
            }
        } else if (value.isArray()) {
            List<String> p = append(path, "*");
            parents.merge(p, (long) value.size(), Long::sum);
            for (JsonNode element : value) {
                add(p, type(element), 1, 0);
                walk(p, element, maxDepth);
            }
        }
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> p = new ArrayList<>(path);
        p.add(segment);
        return List.copyOf(p);
    }

    private void add(List<String> path, String type, long occurrences, long total) {
        long[] c = counts.computeIfAbsent(path, k -> new TreeMap<>()).computeIfAbsent(type, k -> new long[2]);
        c[0] += occurrences;
        c[1] += total;
    }

    private static String type(JsonNode n) {
        if (n.isObject() && n.has("__rockset_type")) {
            return n.get("__rockset_type").asText().toLowerCase(java.util.Locale.ROOT);
        }
        return switch (n.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "bool";
            case NUMBER -> n.isIntegralNumber() ? "int" : "float";
            case NULL -> "null";
            default -> "null";
        };
    }

    private static String jsonType(String duckType) {
        return switch (duckType == null ? "NULL" : duckType) {
            case "OBJECT" -> "object";
            case "ARRAY" -> "array";
            case "VARCHAR" -> "string";
            case "BOOLEAN" -> "bool";
            case "BIGINT", "UBIGINT" -> "int";
            case "DOUBLE" -> "float";
            default -> "null";
        };
    }
}
