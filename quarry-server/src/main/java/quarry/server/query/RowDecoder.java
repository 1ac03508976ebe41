package quarry.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import quarry.server.store.ColumnType;
import quarry.server.store.DocumentStore;
import quarry.server.store.FieldValue;
import quarry.server.store.StoredDocument;
import quarry.server.store.ValueEncoder;

/**
 * Turns result rows of {@code INSERT INTO … SELECT} into document writes (spec §7): {@code _id}
 * upserts (a generated one when absent), {@code _op = 'DELETE'} deletes, {@code _event_time} kept,
 * undefined fields left out, typed values kept typed.
 */
final class RowDecoder {

    private final ValueEncoder values;

    RowDecoder(ValueEncoder values) {
        this.values = values;
    }

    DocumentStore.Write decode(ResultSet rs, ResultEncoder.Layout layout, long nowMicros) throws SQLException {
        String id = null;
        String op = "UPSERT";
        long eventTime = nowMicros;
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        Set<String> nulls = null;
        for (int i = 0; i < layout.names().length; i++) {
            if (layout.hidden()[i]) {
                continue;
            }
            String name = layout.names()[i];
            FieldValue v = value(rs, i + 1, layout.types()[i]);
            switch (name) {
                case "_id" -> {
                    if (!v.isNull()) {
                        id = v.type() == ColumnType.VARCHAR ? (String) v.value() : String.valueOf(v.value());
                    }
                }
                case "_op" -> {
                    if (!v.isNull()) {
                        op = String.valueOf(v.value()).toUpperCase(Locale.ROOT);
                    }
                }
                case "_event_time" -> {
                    if (v.type() == ColumnType.TIMESTAMPTZ || v.type() == ColumnType.BIGINT) {
                        eventTime = (Long) v.value();
                    } else if (v.type() == ColumnType.VARCHAR) {
                        eventTime = quarry.server.store.DocumentDecoder.eventTimeMicros((String) v.value());
                    } else if (!v.isNull()) {
                        throw new quarry.server.store.InvalidDocumentException("_event_time must be a timestamp");
                    }
                }
                case "_meta" -> {
                    // input _meta is ignored (spec §5.4)
                }
                default -> {
                    if (v.isNull() && layout.field()[i]) {
                        if (nulls == null) {
                            nulls = ResultEncoder.nulls(rs, layout);
                        }
                        if (!nulls.contains(name)) {
                            continue;
                        }
                    }
                    fields.put(name, v);
                }
            }
        }
        if ("DELETE".equals(op)) {
            if (id == null) {
                return null;
            }
            return DocumentStore.Write.delete(id);
        }
        boolean generated = id == null;
        if (generated) {
            id = UUID.randomUUID().toString();
        }
        return DocumentStore.Write.upsert(new StoredDocument(id, eventTime, fields), generated);
    }

    private FieldValue value(ResultSet rs, int col, String type) throws SQLException {
        Object o;
        switch (type) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UINTEGER", "USMALLINT", "UTINYINT" -> {
                long v = rs.getLong(col);
                return rs.wasNull() ? FieldValue.NULL : new FieldValue(ColumnType.BIGINT, v);
            }
            case "DOUBLE", "FLOAT" -> {
                double v = rs.getDouble(col);
                return rs.wasNull() ? FieldValue.NULL : new FieldValue(ColumnType.DOUBLE, v);
            }
            case "BOOLEAN" -> {
                boolean v = rs.getBoolean(col);
                return rs.wasNull() ? FieldValue.NULL : new FieldValue(ColumnType.BOOLEAN, v);
            }
            case "VARCHAR" -> {
                String v = rs.getString(col);
                return v == null ? FieldValue.NULL : new FieldValue(ColumnType.VARCHAR, v);
            }
            case "DATE" -> {
                String text = rs.getString(col);
                LocalDate v = text == null ? null : LocalDate.parse(text);
                return v == null ? FieldValue.NULL : new FieldValue(ColumnType.DATE, v);
            }
            case "TIME" -> {
                LocalTime v = ValueEncoder.localTime(rs.getString(col));
                return v == null ? FieldValue.NULL : new FieldValue(ColumnType.TIME, v);
            }
            case "TIMESTAMP" -> {
                LocalDateTime v = ValueEncoder.localDateTime(rs.getString(col));
                return v == null ? FieldValue.NULL : new FieldValue(ColumnType.TIMESTAMP, v);
            }
            case "TIMESTAMP WITH TIME ZONE" -> {
                OffsetDateTime v = rs.getObject(col, OffsetDateTime.class);
                if (v == null) {
                    return FieldValue.NULL;
                }
                java.time.Instant t = v.toInstant();
                return new FieldValue(ColumnType.TIMESTAMPTZ, t.getEpochSecond() * 1_000_000L + t.getNano() / 1000);
            }
            default -> {
                o = rs.getObject(col);
            }
        }
        if (o == null) {
            return FieldValue.NULL;
        }
        if (o instanceof Number n && type.startsWith("DECIMAL")) {
            return new FieldValue(ColumnType.DOUBLE, n.doubleValue());
        }
        JsonNode node = values.encode(rs, col, type);
        if (node == null || node.isNull()) {
            return FieldValue.NULL;
        }
        return quarry.server.store.DocumentDecoder.value(node);
    }
}
