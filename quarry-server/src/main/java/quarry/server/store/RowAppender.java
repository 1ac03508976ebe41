package quarry.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends a batch of documents to a collection's table with DuckDB's Appender, inside the
 * writer's open transaction (docs/server-storage.md, "Writes"). Measured against the
 * alternative of staging the rows as NDJSON for {@code read_json} (parallel in DuckDB): the
 * Appender costs ~15 % less CPU for the whole Write API path (the staging file's JSON writing
 * and DuckDB's parse of it cost more than the Appender's conversions), and on a 2-core machine
 * the Write API is CPU-bound, so the Appender stays.
 */
final class RowAppender {

    private final ObjectMapper mapper;

    RowAppender(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Appends the documents (the writes that are not deletes); called under the writer lock. */
    void append(DuckDBConnection c, CollectionInfo info, List<StoredDocument> docs) throws SQLException {
        if (docs.isEmpty()) {
            return;
        }
        try (DuckDBAppender ap = c.createAppender("data", "c" + info.id())) {
            for (StoredDocument d : docs) {
                ap.beginRow();
                ap.append(d.id());
                ap.appendEpochMicros(d.eventTimeMicros());
                List<String> nulls = null;
                for (Map.Entry<String, FieldValue> e : d.fields().entrySet()) {
                    if (e.getValue().isNull()) {
                        if (nulls == null) {
                            nulls = new ArrayList<>();
                        }
                        nulls.add(e.getKey());
                    }
                }
                if (nulls == null) {
                    ap.appendNull();
                } else {
                    ap.append(nulls);
                }
                for (Field f : info.fields()) {
                    FieldValue v = d.fields().get(f.name());
                    if (v == null || v.isNull()) {
                        ap.appendNull();
                    } else {
                        appendValue(ap, f.type(), v);
                    }
                }
                ap.endRow();
            }
        }
    }

    /**
     * Appends a column batch row by row; every value fits its column (the caller checked that
     * no column needs adding or widening), so a value is converted only into a wider column.
     */
    void append(DuckDBConnection c, CollectionInfo info, ColumnBatch batch) throws SQLException {
        if (batch.size == 0) {
            return;
        }
        List<Field> fields = info.fields();
        ColumnBatch.Column[] source = new ColumnBatch.Column[fields.size()];
        ColumnType[] types = new ColumnType[fields.size()];
        Map<String, ColumnBatch.Column> byName = new java.util.HashMap<>();
        for (ColumnBatch.Column col : batch.columns) {
            byName.put(col.name, col);
        }
        for (int i = 0; i < source.length; i++) {
            source[i] = byName.get(fields.get(i).name());
            types[i] = fields.get(i).type();
        }
        try (DuckDBAppender ap = c.createAppender("data", "c" + info.id())) {
            for (int row = 0; row < batch.size; row++) {
                ap.beginRow();
                ap.append(batch.ids[row]);
                ap.appendEpochMicros(batch.eventTimes[row]);
                if (batch.nulls[row] == null) {
                    ap.appendNull();
                } else {
                    ap.append(batch.nulls[row]);
                }
                for (int i = 0; i < source.length; i++) {
                    ColumnBatch.Column col = source[i];
                    byte kind = col == null ? ColumnBatch.UNDEFINED : col.kind(row);
                    if (kind <= ColumnBatch.NULL) {
                        ap.appendNull();
                    } else {
                        appendValue(ap, types[i], col, row, kind);
                    }
                }
                ap.endRow();
            }
        }
    }

    private void appendValue(DuckDBAppender ap, ColumnType column, ColumnBatch.Column col, int row, byte kind)
            throws SQLException {
        switch (column) {
            case BIGINT -> ap.append(col.longs[row]);
            case DOUBLE -> ap.append(kind == ColumnBatch.LONG ? (double) col.longs[row] : col.doubles[row]);
            case BOOLEAN -> ap.append(kind == ColumnBatch.TRUE);
            case VARCHAR -> ap.append(col.texts[row]);
            case JSON -> ap.append(switch (kind) {
                case ColumnBatch.LONG -> String.valueOf(col.longs[row]);
                case ColumnBatch.DOUBLE -> String.valueOf(col.doubles[row]);
                case ColumnBatch.TRUE -> "true";
                case ColumnBatch.FALSE -> "false";
                case ColumnBatch.STRING -> quoteJson(col.texts[row]);
                default -> col.texts[row];
            });
            default -> throw new IllegalStateException("a " + column + " column cannot take this value");
        }
    }

    private void appendValue(DuckDBAppender ap, ColumnType column, FieldValue v) throws SQLException {
        Object o = v.value();
        switch (column) {
            case BIGINT -> ap.append(((Long) o).longValue());
            case DOUBLE -> ap.append(((Number) o).doubleValue());
            case BOOLEAN -> ap.append(((Boolean) o).booleanValue());
            case VARCHAR -> ap.append((String) o);
            case DATE -> ap.append((LocalDate) o);
            case TIMESTAMP -> ap.append((LocalDateTime) o);
            case TIME -> ap.append((LocalTime) o);
            case TIMESTAMPTZ -> ap.appendEpochMicros((Long) o);
            case JSON -> ap.append(jsonText(v));
        }
    }

    /** A value stored in a JSON column: JSON text of its own type. */
    private String jsonText(FieldValue v) {
        Object o = v.value();
        return switch (v.type()) {
            case JSON -> (String) o;
            case BIGINT, DOUBLE, BOOLEAN -> String.valueOf(o);
            case TIMESTAMPTZ -> quoteJson(ValueEncoder.timestampMicros((Long) o));
            default -> quoteJson(o.toString());
        };
    }

    private String quoteJson(String s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
