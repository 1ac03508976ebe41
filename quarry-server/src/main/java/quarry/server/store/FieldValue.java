package quarry.server.store;

import java.util.Objects;

/**
 * One value of a document field after decoding Rockset's extended JSON: its column type and the
 * Java value the DuckDB appender takes (Long, Double, Boolean, String, JSON text, LocalDate,
 * LocalDateTime, LocalTime, or microseconds since the epoch for a timestamp). An explicit JSON
 * null is {@link #NULL}.
 */
public record FieldValue(ColumnType type, Object value) {

    public static final FieldValue NULL = new FieldValue(null, null);

    public FieldValue {
        if (type != null) {
            Objects.requireNonNull(value, "value");
        }
    }

    public boolean isNull() {
        return type == null;
    }
}
