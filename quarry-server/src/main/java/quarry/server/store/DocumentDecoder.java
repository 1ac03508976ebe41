package quarry.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one incoming JSON document (Rockset extended JSON, spec §5.5) into a {@link StoredDocument}:
 * JSON numbers become int or float, {@code {"__rockset_type": …}} objects become typed values,
 * other objects and arrays stay JSON. Special fields: {@code _id} (a string, generated when
 * absent), {@code _event_time} (a timestamp), {@code _meta} (ignored), {@code _op} (returned apart).
 */
public final class DocumentDecoder {

    /** A decoded document and the write operation it asks for ({@code _op}, upper case, default UPSERT). */
    public record Decoded(StoredDocument document, String op, boolean generatedId) {}

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private DocumentDecoder() {}

    public static Decoded decode(JsonNode node, long nowMicros) {
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidDocumentException("a document must be a JSON object");
        }
        String id = null;
        boolean generated = false;
        long eventTime = nowMicros;
        String op = "UPSERT";
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String name = e.getKey();
            JsonNode value = e.getValue();
            switch (name) {
                case "_id" -> {
                    if (value.isNull()) {
                        continue;
                    }
                    if (!value.isTextual()) {
                        throw new InvalidDocumentException("_id must be a string, got " + value.getNodeType()
                                .toString().toLowerCase(Locale.ROOT));
                    }
                    id = value.textValue();
                }
                case "_event_time" -> {
                    if (!value.isNull()) {
                        FieldValue v = value(value);
                        if (v.type() == ColumnType.TIMESTAMPTZ) {
                            eventTime = (Long) v.value();
                        } else if (v.type() == ColumnType.BIGINT) {
                            eventTime = (Long) v.value();
                        } else if (v.type() == ColumnType.VARCHAR) {
                            eventTime = eventTimeMicros((String) v.value());
                        } else {
                            throw new InvalidDocumentException("_event_time must be a timestamp");
                        }
                    }
                }
                case "_meta" -> {
                    // spec §5.4: a _meta supplied in the input is ignored
                }
                case "_op" -> {
                    if (!value.isTextual()) {
                        throw new InvalidDocumentException("_op must be a string");
                    }
                    op = value.textValue().toUpperCase(Locale.ROOT);
                    if (!java.util.Set.of("INSERT", "UPDATE", "UPSERT", "DELETE", "REPLACE", "REPSERT").contains(op)) {
                        throw new InvalidDocumentException("_op \"" + value.textValue() + "\" is not one of INSERT,"
                                + " UPDATE, UPSERT, DELETE, REPLACE, REPSERT");
                    }
                }
                default -> fields.put(name, value(value));
            }
        }
        if (id == null) {
            id = UUID.randomUUID().toString();
            generated = true;
        }
        return new Decoded(new StoredDocument(id, eventTime, fields), op, generated);
    }

    /** The typed value of one JSON value. */
    public static FieldValue value(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return FieldValue.NULL;
        }
        if (value.isTextual()) {
            return new FieldValue(ColumnType.VARCHAR, value.textValue());
        }
        if (value.isBoolean()) {
            return new FieldValue(ColumnType.BOOLEAN, value.booleanValue());
        }
        if (value.isInt() || value.isLong()) {
            return new FieldValue(ColumnType.BIGINT, value.longValue());
        }
        if (value.isIntegralNumber()) {
            BigInteger big = value.bigIntegerValue();
            if (big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) {
                return new FieldValue(ColumnType.BIGINT, big.longValue());
            }
            return new FieldValue(ColumnType.DOUBLE, big.doubleValue());
        }
        if (value.isNumber()) {
            return new FieldValue(ColumnType.DOUBLE, value.doubleValue());
        }
        if (value.isObject() && value.has("__rockset_type")) {
            return typed(value);
        }
        return new FieldValue(ColumnType.JSON, value.toString());
    }

    private static FieldValue typed(JsonNode node) {
        String type = node.path("__rockset_type").asText("").toLowerCase(Locale.ROOT);
        JsonNode v = node.get("value");
        if (v == null) {
            throw new InvalidDocumentException("typed value of __rockset_type \"" + type + "\" has no \"value\"");
        }
        String text = v.isTextual() ? v.textValue() : v.toString();
        try {
            return switch (type) {
                case "date" -> new FieldValue(ColumnType.DATE, LocalDate.parse(text));
                case "datetime" -> new FieldValue(ColumnType.TIMESTAMP, LocalDateTime.parse(text.replace(' ', 'T')));
                case "time" -> new FieldValue(ColumnType.TIME, LocalTime.parse(text));
                case "timestamp" -> new FieldValue(ColumnType.TIMESTAMPTZ,
                        v.isNumber() ? v.longValue() : parseTimestampMicros(text));
                case "int", "integer", "int64" -> new FieldValue(ColumnType.BIGINT, Long.parseLong(text.trim()));
                case "float", "double" -> new FieldValue(ColumnType.DOUBLE, Double.parseDouble(text.trim()));
                case "bool", "boolean" -> new FieldValue(ColumnType.BOOLEAN, Boolean.parseBoolean(text.trim()));
                case "string" -> new FieldValue(ColumnType.VARCHAR, text);
                case "null", "null_type" -> FieldValue.NULL;
                case "bytes", "binary", "varbinary" -> new FieldValue(ColumnType.JSON, bytesValue(text));
                default -> throw new InvalidDocumentException(
                        "__rockset_type \"" + node.path("__rockset_type").asText() + "\" is not supported");
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidDocumentException("invalid " + type + " value \"" + text + "\"");
        }
    }

    /**
     * Bytes (base64 text) are kept as their typed JSON form, so they read back as
     * {@code {"__rockset_type":"BYTES","value":…}} as query results show bytes.
     */
    private static String bytesValue(String base64) {
        try {
            java.util.Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentException("bytes value is not base64: \"" + base64 + "\"");
        }
        return "{\"__rockset_type\":\"BYTES\",\"value\":\"" + base64 + "\"}";
    }

    /** An {@code _event_time} given as text, in microseconds; refused unless ISO-8601. */
    public static long eventTimeMicros(String text) {
        try {
            return parseTimestampMicros(text);
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException("_event_time \"" + text + "\" is not an ISO-8601 timestamp");
        }
    }

    /** Parses an ISO-8601 timestamp (with zone or offset, or UTC when none) into microseconds. */
    public static long parseTimestampMicros(String text) {
        String t = text.trim().replace(' ', 'T');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            instant = LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
