package quarry.server.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends a batch of documents to a collection's table inside the writer's open transaction
 * (docs/server-storage.md, "Writes"). The rows go through a staging NDJSON file that DuckDB reads
 * with {@code read_json} (parallel and columnar, where DuckDB's Appender converts value by value
 * on the writer's thread). The file is written by the request's own thread before the writer lock
 * is taken, typed by the batch's values, with keys {@code f<k>} by field position (no field name
 * reaches SQL); under the lock the insert maps each key to its column. When a column has become
 * wider than a staged type (for instance JSON after a mixed batch), the rows are staged again for
 * the columns; a batch read_json would refuse (a string with a lone UTF-16 surrogate)
 * goes through the Appender, before any SQL ran. Staging files are deleted after the commit.
 */
final class RowAppender {

    private static final SerializedString ID = new SerializedString("_i");
    private static final SerializedString TIME = new SerializedString("_t");
    private static final SerializedString NULLS = new SerializedString("_n");

    private final JsonFactory json;
    private final ObjectMapper mapper;
    /** Guarded by this. */
    private Path stagingDir;
    private long fileCount;

    RowAppender(ObjectMapper mapper) {
        this.mapper = mapper;
        this.json = mapper.getFactory();
    }

    /**
     * A batch's rows in a staging file, keyed {@code f<k>} by the position of their field in
     * {@code names}, each value written as {@code types} says (the batch's own types).
     */
    record Staged(Path file, List<String> names, List<ColumnType> types, boolean[] used) {}

    /**
     * Writes the rows of a batch to a staging file, typed by the batch's own values; done before
     * the writer lock is taken. Null when there is nothing to stage or the JSON writer cannot
     * express a value (the writer then stages or appends under the lock).
     */
    Staged stage(List<StoredDocument> docs, Map<String, ColumnType> needed) {
        if (docs.isEmpty()) {
            return null;
        }
        Staged staged = new Staged(stagingFile(), new ArrayList<>(needed.keySet()), new ArrayList<>(needed.values()),
                new boolean[needed.size()]);
        try {
            write(staged, docs);
            return staged;
        } catch (IOException e) {
            discard(staged);
            return null;
        }
    }

    /** Deletes a staging file. */
    void discard(Staged staged) {
        if (staged != null) {
            try {
                Files.deleteIfExists(staged.file());
            } catch (IOException ignored) {
                // a leftover file in the temp dir is harmless
            }
        }
    }

    /**
     * Appends the documents (the writes that are not deletes) under the writer lock: from the
     * batch's staging file when every staged type suits its column now, else from a file staged
     * for the columns, else through the Appender.
     */
    void append(DuckDBConnection c, CollectionInfo info, List<StoredDocument> docs, Staged staged)
            throws SQLException {
        if (docs.isEmpty()) {
            return;
        }
        if (staged != null && fits(info, staged)) {
            insert(c, info, staged);
            return;
        }
        List<String> names = new ArrayList<>(info.fields().size());
        List<ColumnType> types = new ArrayList<>(info.fields().size());
        for (Field f : info.fields()) {
            names.add(f.name());
            types.add(f.type());
        }
        Staged forColumns = new Staged(stagingFile(), names, types, new boolean[names.size()]);
        try {
            try {
                write(forColumns, docs);
            } catch (IOException e) {
                appendRows(c, info, docs);
                return;
            }
            insert(c, info, forColumns);
        } finally {
            discard(forColumns);
        }
    }

    /** Whether each staged field's values can go into its column as staged. */
    private static boolean fits(CollectionInfo info, Staged staged) {
        for (int k = 0; k < staged.used().length; k++) {
            if (!staged.used()[k]) {
                continue;
            }
            Field f = info.field(staged.names().get(k)).orElse(null);
            ColumnType t = staged.types().get(k);
            if (f == null || f.type() != t && !(t == ColumnType.BIGINT && f.type() == ColumnType.DOUBLE)) {
                return false;
            }
        }
        return true;
    }

    private static void insert(DuckDBConnection c, CollectionInfo info, Staged staged) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(insertSql(info, staged));
        }
    }

    private void write(Staged staged, List<StoredDocument> docs) throws IOException {
        List<String> names = staged.names();
        Map<String, Integer> position = new HashMap<>(names.size() * 2);
        for (int k = 0; k < names.size(); k++) {
            position.put(names.get(k), k);
        }
        boolean[] used = staged.used();
        SerializedString[] keys = new SerializedString[names.size()];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staged.file()), 1 << 16);
                JsonGenerator g = json.createGenerator(out)) {
            g.setRootValueSeparator(new SerializedString("\n"));
            for (StoredDocument d : docs) {
                g.writeStartObject();
                g.writeFieldName(ID);
                writeString(g, d.id());
                g.writeFieldName(TIME);
                g.writeNumber(d.eventTimeMicros());
                boolean nulls = false;
                for (Map.Entry<String, FieldValue> e : d.fields().entrySet()) {
                    FieldValue v = e.getValue();
                    if (v.isNull()) {
                        nulls = true;
                        continue;
                    }
                    Integer k = position.get(e.getKey());
                    if (k == null) {
                        throw new IllegalStateException("field " + e.getKey() + " has no column");
                    }
                    if (keys[k] == null) {
                        keys[k] = new SerializedString("f" + k);
                    }
                    used[k] = true;
                    g.writeFieldName(keys[k]);
                    writeValue(g, staged.types().get(k), v);
                }
                if (nulls) {
                    g.writeFieldName(NULLS);
                    g.writeStartArray();
                    for (Map.Entry<String, FieldValue> e : d.fields().entrySet()) {
                        if (e.getValue().isNull()) {
                            writeString(g, e.getKey());
                        }
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        }
    }

    /** One value, typed for its column; temporal values as integers the SQL turns back exactly. */
    private void writeValue(JsonGenerator g, ColumnType column, FieldValue v) throws IOException {
        Object o = v.value();
        switch (column) {
            case BIGINT -> g.writeNumber(((Long) o).longValue());
            case DOUBLE -> g.writeNumber(((Number) o).doubleValue());
            case BOOLEAN -> g.writeBoolean((Boolean) o);
            case VARCHAR -> writeString(g, (String) o);
            case DATE -> g.writeNumber(((LocalDate) o).toEpochDay());
            case TIMESTAMP -> g.writeNumber(micros((LocalDateTime) o));
            case TIME -> g.writeNumber(((LocalTime) o).toNanoOfDay() / 1000);
            case TIMESTAMPTZ -> g.writeNumber(((Long) o).longValue());
            case JSON -> writeString(g, jsonText(v));
        }
    }

    /** Thrown for a string read_json would refuse, before any SQL ran. */
    private static final class Unwritable extends IOException {
        Unwritable() {
            super("a string with a lone UTF-16 surrogate");
        }
    }

    /**
     * Writes a string, refusing one with a lone UTF-16 surrogate (possible through a
     * surrogate escape in the input): JSON writers escape it and read_json rejects it.
     */
    private static void writeString(JsonGenerator g, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new Unwritable();
                }
            }
        }
        g.writeString(s);
    }

    /** The staging type read_json gives a column, and the SQL turning it into the column's value. */
    private static String stagingType(ColumnType column) {
        return switch (column) {
            case BIGINT, DATE, TIMESTAMP, TIME, TIMESTAMPTZ -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case VARCHAR, JSON -> "VARCHAR";
        };
    }

    private static String valueSql(ColumnType column, String key) {
        return switch (column) {
            case BIGINT, DOUBLE, BOOLEAN, VARCHAR -> key;
            case JSON -> "CAST(" + key + " AS JSON)";
            case DATE -> "DATE '1970-01-01' + CAST(" + key + " AS INTEGER)";
            case TIMESTAMP -> "make_timestamp(" + key + ")";
            case TIME -> "TIME '00:00:00' + to_microseconds(" + key + ")";
            case TIMESTAMPTZ -> "to_timestamp(0) + to_microseconds(" + key + ")";
        };
    }

    private static String insertSql(CollectionInfo info, Staged staged) {
        boolean[] used = staged.used();
        StringBuilder columns = new StringBuilder("_id, _event_time, _nulls");
        StringBuilder select = new StringBuilder("_i, to_timestamp(0) + to_microseconds(_t), _n");
        StringBuilder types = new StringBuilder("{'_i': 'VARCHAR', '_t': 'BIGINT', '_n': 'VARCHAR[]'");
        for (int k = 0; k < used.length; k++) {
            if (!used[k]) {
                continue;
            }
            Field f = info.field(staged.names().get(k)).orElseThrow();
            ColumnType t = staged.types().get(k);
            columns.append(", ").append(Database.quote(f.column()));
            select.append(", ").append(valueSql(t, "f" + k));
            types.append(", 'f").append(k).append("': '").append(stagingType(t)).append('\'');
        }
        types.append('}');
        return "INSERT INTO " + info.table() + " (" + columns + ") SELECT " + select + " FROM read_json("
                + Database.literal(staged.file().toString()) + ", format = 'newline_delimited', records = true, columns = "
                + types + ")";
    }

    private static long micros(LocalDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
    }

    /** A fresh file name per batch: DuckDB may cache a file's contents by path. */
    private synchronized Path stagingFile() {
        try {
            if (stagingDir == null || !Files.isDirectory(stagingDir)) {
                stagingDir = Files.createTempDirectory("quarry-staging");
                stagingDir.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory: " + e.getMessage(), e);
        }
        return stagingDir.resolve("batch-" + (++fileCount) + ".ndjson");
    }

    /** The row-by-row path: DuckDB's Appender. */
    private void appendRows(DuckDBConnection c, CollectionInfo info, List<StoredDocument> docs) throws SQLException {
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
