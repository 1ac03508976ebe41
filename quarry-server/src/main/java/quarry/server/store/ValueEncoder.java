package quarry.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes DuckDB values as Rockset result JSON (spec §5.5): timestamps as ISO {@code Z} strings with
 * microseconds, date/datetime/time wrapped with an UPPER-CASE {@code __rockset_type}, lists and
 * structs as JSON arrays and objects, JSON columns as the JSON they hold.
 */
public final class ValueEncoder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .toFormatter();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).toFormatter();

    private final ObjectMapper mapper;

    public ValueEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON of column {@code i} (1-based) of the current row, whose DuckDB type name is {@code type}. */
    public JsonNode encode(ResultSet rs, int i, String type) throws SQLException {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        switch (t) {
            case "DATE": {
                String d = rs.getString(i);
                return d == null ? null : wrap("DATE", d);
            }
            case "TIME": {
                LocalTime lt = localTime(rs.getString(i));
                return lt == null ? null : wrap("TIME", TIME.format(lt));
            }
            case "TIMESTAMP": {
                LocalDateTime ldt = localDateTime(rs.getString(i));
                return ldt == null ? null : wrap("DATETIME", MICROS.format(ldt));
            }
            case "TIMESTAMP WITH TIME ZONE": {
                OffsetDateTime odt = rs.getObject(i, OffsetDateTime.class);
                return odt == null ? null : NODES.textNode(timestamp(odt.toInstant()));
            }
            default:
                return object(rs.getObject(i), t);
        }
    }

    /** A DuckDB TIME as text ({@code 12:34:56[.ffffff]}), or null. */
    public static LocalTime localTime(String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    /** A DuckDB TIMESTAMP as text ({@code 2020-03-02 10:49:33[.ffffff]}), or null. */
    public static LocalDateTime localDateTime(String text) {
        return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
    }

    /** The Rockset result string of a timestamp. */
    public static String timestamp(Instant instant) {
        return MICROS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
    }

    /** The Rockset result string of a timestamp given in microseconds since the epoch. */
    public static String timestampMicros(long micros) {
        return timestamp(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    private static ObjectNode wrap(String type, String value) {
        ObjectNode n = NODES.objectNode();
        n.put("__rockset_type", type);
        n.put("value", value);
        return n;
    }

    private JsonNode object(Object o, String type) throws SQLException {
        if (o == null) {
            return null;
        }
        if (o instanceof String s) {
            if ("JSON".equals(type)) {
                return parse(s);
            }
            return NODES.textNode(s);
        }
        if (o instanceof org.duckdb.JsonNode j) {
            return parse(j.toString());
        }
        if (o instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (o instanceof Integer n) {
            return NODES.numberNode(n.longValue());
        }
        if (o instanceof Short n) {
            return NODES.numberNode(n.longValue());
        }
        if (o instanceof Byte n) {
            return NODES.numberNode(n.longValue());
        }
        if (o instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (o instanceof Float f) {
            return NODES.numberNode(f.doubleValue());
        }
        if (o instanceof BigDecimal bd) {
            return NODES.numberNode(bd.doubleValue());
        }
        if (o instanceof BigInteger bi) {
            return bi.bitLength() < 64 ? NODES.numberNode(bi.longValue()) : NODES.numberNode(bi.doubleValue());
        }
        if (o instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (o instanceof OffsetDateTime odt) {
            return NODES.textNode(timestamp(odt.toInstant()));
        }
        if (o instanceof java.sql.Timestamp ts) {
            return wrap("DATETIME", MICROS.format(ts.toLocalDateTime()));
        }
        if (o instanceof LocalDateTime ldt) {
            return wrap("DATETIME", MICROS.format(ldt));
        }
        if (o instanceof java.sql.Date d) {
            return wrap("DATE", d.toLocalDate().toString());
        }
        if (o instanceof LocalDate d) {
            return wrap("DATE", d.toString());
        }
        if (o instanceof java.sql.Time tm) {
            return wrap("TIME", TIME.format(tm.toLocalTime()));
        }
        if (o instanceof LocalTime lt) {
            return wrap("TIME", TIME.format(lt));
        }
        if (o instanceof UUID u) {
            return NODES.textNode(u.toString());
        }
        if (o instanceof java.sql.Array a) {
            ArrayNode arr = NODES.arrayNode();
            for (Object e : (Object[]) a.getArray()) {
                JsonNode n = object(e, "");
                arr.add(n == null ? NODES.nullNode() : n);
            }
            return arr;
        }
        if (o instanceof Object[] items) {
            ArrayNode arr = NODES.arrayNode();
            for (Object e : items) {
                JsonNode n = object(e, "");
                arr.add(n == null ? NODES.nullNode() : n);
            }
            return arr;
        }
        if (o instanceof Struct s) {
            return object(structMap(s), "");
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode obj = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                JsonNode n = object(e.getValue(), "");
                obj.set(String.valueOf(e.getKey()), n == null ? NODES.nullNode() : n);
            }
            return obj;
        }
        if (o instanceof java.sql.Blob blob) {
            return object(blob.getBytes(1, (int) blob.length()), type);
        }
        if (o instanceof byte[] bytes) {
            ObjectNode n = NODES.objectNode();
            n.put("__rockset_type", "BYTES");
            n.put("value", java.util.Base64.getEncoder().encodeToString(bytes));
            return n;
        }
        return NODES.textNode(o.toString());
    }

    private static Map<?, ?> structMap(Struct s) throws SQLException {
        if (s instanceof org.duckdb.DuckDBStruct ds) {
            return ds.getMap();
        }
        Object[] attrs = s.getAttributes();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int k = 0; k < attrs.length; k++) {
            m.put("f" + k, attrs[k]);
        }
        return m;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return NODES.textNode(json);
        }
    }
}
