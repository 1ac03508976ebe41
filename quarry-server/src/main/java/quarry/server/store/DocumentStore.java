package quarry.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes documents into a collection's table (docs/server-storage.md, "Writes"): extends and
 * widens field columns, deletes replaced {@code _id}s and appends the new rows in one transaction
 * on the writer connection, and answers only after the commit.
 */
public final class DocumentStore {

    /** One write: a document to store, or (when {@code document} is null) a delete of {@code id}. */
    public record Write(String id, StoredDocument document, boolean idIsNew) {
        public static Write upsert(StoredDocument d, boolean idIsNew) {
            return new Write(d.id(), d, idIsNew);
        }

        public static Write delete(String id) {
            return new Write(id, null, false);
        }
    }

    private final Database database;
    private final MetadataStore metadata;
    private final ValueEncoder encoder;
    /** Used only under the writer lock. */
    private final RowAppender rows;
    private final ObjectMapper mapper;
    private final java.util.concurrent.locks.ReentrantLock groupLock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> pending =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Per collection id; built and replaced under the writer lock, checked by appends under its own lock. */
    private final Map<Long, IdFilter> filters = new java.util.concurrent.ConcurrentHashMap<>();
    /** The last write offset handed out (behind last_offset); the highest committed one survives a restart. */
    private final java.util.concurrent.atomic.AtomicLong offsets;

    public DocumentStore(Database database, MetadataStore metadata, ObjectMapper mapper) {
        this.database = Objects.requireNonNull(database);
        this.metadata = Objects.requireNonNull(metadata);
        this.mapper = Objects.requireNonNull(mapper);
        this.encoder = new ValueEncoder(mapper);
        this.rows = new RowAppender(mapper);
        try (Database.Reader r = database.reader(); Statement s = r.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(value), 0) FROM meta.tally WHERE name = 'offset'")) {
            rs.next();
            this.offsets = new java.util.concurrent.atomic.AtomicLong(rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the write offset: " + e.getMessage(), e);
        }
    }

    /** One caller's batch waiting to be committed, possibly together with others (group commit). */
    private static final class Pending {
        final String workspace;
        final String collection;
        final Map<String, Write> last;
        final List<StoredDocument> docs;
        final Map<String, ColumnType> needed;
        final long bytes;
        String offset;
        RuntimeException error;
        volatile boolean done;

        Pending(String workspace, String collection, Map<String, Write> last, long bytes) {
            this.workspace = workspace;
            this.collection = collection;
            this.last = last;
            this.bytes = bytes;
            this.docs = new ArrayList<>(last.size());
            for (Write w : last.values()) {
                if (w.document() != null) {
                    docs.add(w.document());
                }
            }
            this.needed = neededTypes(docs);
        }
    }

    /**
     * Applies writes in order (the last write of an {@code _id} wins) and returns the new
     * last_offset once they are committed. Batches that arrive while another commits are
     * committed together in one transaction (one WAL sync for all); if that group fails, each
     * batch is retried alone so that one bad batch fails only its own request.
     */
    public String apply(String ws, String collection, List<Write> writes, long bytes) {
        Map<String, Write> last = new LinkedHashMap<>();
        for (Write w : writes) {
            last.remove(w.id());
            last.put(w.id(), w);
        }
        Pending mine = new Pending(ws, collection, last, bytes);
        String appended = appendAlongside(mine);
        if (appended != null) {
            return appended;
        }
        pending.add(mine);
        groupLock.lock();
        try {
            if (!mine.done) {
                List<Pending> group = new ArrayList<>();
                for (Pending p = pending.poll(); p != null; p = pending.poll()) {
                    group.add(p);
                }
                commit(group);
            }
        } finally {
            groupLock.unlock();
        }
        if (mine.error != null) {
            throw mine.error;
        }
        return mine.offset;
    }

    /** Thrown by an append that finds it needs the writer after all; nothing was written. */
    private static final class NeedsWriter extends RuntimeException {
        NeedsWriter() {
            super(null, null, false, false);
        }
    }

    /**
     * The common case, side by side with other such batches (docs/server-storage.md, "Writes"):
     * a batch that needs no new or wider column and whose ids the collection cannot hold yet
     * (by its id filter) only appends, in a transaction of its own, without the writer. Returns
     * null, having written nothing, when the batch needs the writer: a schema change, an id that
     * may be stored (a replace needs a DELETE that must see every earlier batch committed), a
     * delete, or no id filter built yet.
     */
    private String appendAlongside(Pending p) {
        return appendAlongside(p.workspace, p.collection, p.needed, filter -> filter.addIfAllAbsent(p.last.values()),
                (c, info) -> rows.append(c, info, p.docs), p.bytes);
    }

    /**
     * Appends a batch of plain documents held column by column: side by side with other batches
     * when it needs no writer, otherwise as {@link #apply} does.
     */
    public String append(String ws, String collection, ColumnBatch batch, long bytes) {
        String offset = appendAlongside(ws, collection, batch.neededTypes(),
                filter -> filter.addIfAllAbsent(batch.ids, batch.generated, batch.size),
                (c, info) -> rows.append(c, info, batch), bytes);
        return offset != null ? offset : apply(ws, collection, batch.writes(), bytes);
    }

    /** Appends rows of a batch on a connection. */
    @FunctionalInterface
    private interface Rows {
        void append(DuckDBConnection c, CollectionInfo info) throws SQLException;
    }

    private String appendAlongside(String ws, String collection, Map<String, ColumnType> needed,
            java.util.function.Predicate<IdFilter> claim, Rows append, long bytes) {
        if (database.inWrite()) {
            return null; // inside a writer's transaction, the batch belongs to it
        }
        try {
            CollectionInfo before = metadata.requireCollection(ws, collection);
            IdFilter known = filters.get(before.id());
            if (known == null || FieldColumns.needChange(before, needed)) {
                return null;
            }
            return database.append(c -> {
                // checked again under the append lock: no schema change or filter rebuild runs now
                CollectionInfo info = metadata.requireCollection(ws, collection);
                IdFilter filter = filters.get(info.id());
                if (filter == null || FieldColumns.needChange(info, needed) || !claim.test(filter)) {
                    throw new NeedsWriter();
                }
                append.append(c, info);
                return "f1:" + counters(c, info, bytes);
            });
        } catch (NeedsWriter e) {
            return null;
        } catch (RuntimeException e) {
            return null; // the writer's path runs it again and reports the error
        }
    }

    /**
     * Adds the batch's bytes to the collection's tally and takes the next write offset, both
     * appended as rows of {@code meta.tally} in the write's own transaction: appends never
     * conflict, so concurrent writes need no shared row (two SQL statements per batch, an
     * UPDATE and a RETURNING, cost ten times as much). The bytes are summed when read and the
     * offsets' maximum kept; both are folded into one row each when the database opens.
     */
    private long counters(DuckDBConnection c, CollectionInfo info, long bytes) throws SQLException {
        long offset = offsets.incrementAndGet();
        try (DuckDBAppender ap = c.createAppender("meta", "tally")) {
            if (bytes != 0) {
                ap.beginRow();
                ap.append("bytes:" + info.id());
                ap.append(bytes);
                ap.endRow();
            }
            ap.beginRow();
            ap.append("offset");
            ap.append(offset);
            ap.endRow();
        }
        return offset;
    }

    /**
     * Commits a group: the batches that change no column commit together in one transaction; a
     * batch that adds or widens a column commits in a transaction of its own. DuckDB (1.4) fails
     * the COMMIT of a transaction holding several ALTER TABLEs interleaved with appends on one
     * table ("another transaction has altered this table") and its rollback can leave the catalog
     * corrupt, after which the next statement crashed the JVM (docs/server-storage.md, "Writes").
     */
    private void commit(List<Pending> group) {
        List<Pending> alone = new ArrayList<>();
        if (group.size() > 1) {
            List<Pending> together = new ArrayList<>();
            try {
                String[] offsets = database.write(c -> {
                    String[] out = new String[group.size()];
                    for (int i = 0; i < group.size(); i++) {
                        Pending p = group.get(i);
                        if (changesSchema(p)) {
                            continue;
                        }
                        together.add(p);
                        out[i] = applyLocked(c, p);
                    }
                    return out;
                });
                for (int i = 0; i < group.size(); i++) {
                    Pending p = group.get(i);
                    if (together.contains(p)) {
                        p.offset = offsets[i];
                        p.done = true;
                    } else {
                        alone.add(p);
                    }
                }
            } catch (RuntimeException e) {
                alone = group;
            }
        } else {
            alone = group;
        }
        for (Pending p : alone) {
            try {
                p.offset = database.write(c -> applyLocked(c, p));
            } catch (RuntimeException e) {
                p.error = e;
            }
            p.done = true;
        }
    }

    /** Whether a batch adds or widens a column (or names a collection that no longer exists). */
    private boolean changesSchema(Pending p) {
        try {
            return FieldColumns.needChange(metadata.requireCollection(p.workspace, p.collection), p.needed);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private String applyLocked(DuckDBConnection c, Pending p) throws SQLException {
        String ws = p.workspace;
        String collection = p.collection;
        Map<String, Write> last = p.last;
        long bytes = p.bytes;
        CollectionInfo info = metadata.requireCollection(ws, collection);
        boolean fieldsChanged = FieldColumns.ensure(c, info, p.needed);
        if (fieldsChanged) {
            metadata.reload(c);
            info = metadata.requireCollection(ws, collection);
        }
        IdFilter filter = filter(c, info);
        // ids are added before the write commits: if it rolls back they stay as false positives
        List<String> toDelete = new ArrayList<>();
        for (Write w : last.values()) {
            boolean maybeStored = w.document() != null ? filter.addAndCheck(w.id()) : filter.mightContain(w.id());
            if (maybeStored && !w.idIsNew()) {
                toDelete.add(w.id());
            }
        }
        if (!toDelete.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM " + info.table() + " WHERE _id IN (SELECT unnest(?))")) {
                ps.setArray(1, c.createArrayOf("VARCHAR", toDelete.toArray()));
                ps.executeUpdate();
            }
        }
        rows.append(c, info, p.docs);
        return "f1:" + counters(c, info, bytes);
    }

    /**
     * The id filter of a collection, built from its table on first use after the server starts
     * (it grows by itself from then on).
     */
    private IdFilter filter(DuckDBConnection c, CollectionInfo info) throws SQLException {
        IdFilter filter = filters.get(info.id());
        if (filter != null) {
            return filter;
        }
        try (Statement s = c.createStatement()) {
            long count;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + info.table())) {
                rs.next();
                count = rs.getLong(1);
            }
            filter = new IdFilter(Math.max(256_000L, count * 4));
            try (ResultSet rs = s.executeQuery("SELECT _id FROM " + info.table())) {
                while (rs.next()) {
                    filter.add(rs.getString(1));
                }
            }
        }
        filters.put(info.id(), filter);
        return filter;
    }

    /** The column type each field of a batch needs (null: only nulls seen); computed outside the lock. */
    private static Map<String, ColumnType> neededTypes(List<StoredDocument> docs) {
        Map<String, ColumnType> needed = new LinkedHashMap<>();
        for (StoredDocument d : docs) {
            for (Map.Entry<String, FieldValue> e : d.fields().entrySet()) {
                FieldValue v = e.getValue();
                ColumnType prior = needed.get(e.getKey());
                if (v.isNull()) {
                    needed.putIfAbsent(e.getKey(), null);
                } else if (prior != v.type()) {
                    needed.put(e.getKey(), prior == null ? v.type() : prior.widen(v.type()));
                }
            }
        }
        return needed;
    }

    /** The stored documents with these ids, as Rockset JSON (typed values wrapped), keyed by _id. */
    public Map<String, ObjectNode> read(String ws, String collection, Collection<String> ids) {
        CollectionInfo info = metadata.requireCollection(ws, collection);
        Map<String, ObjectNode> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Database.Reader reader = database.reader();
                PreparedStatement ps = reader.connection().prepareStatement(
                        "SELECT * FROM " + info.table() + " WHERE _id IN (SELECT unnest(?))")) {
            ps.setArray(1, reader.connection().createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                Map<String, String> fieldOfColumn = new HashMap<>();
                for (Field f : info.fields()) {
                    fieldOfColumn.put(f.column().toLowerCase(Locale.ROOT), f.name());
                }
                while (rs.next()) {
                    ObjectNode doc = mapper.createObjectNode();
                    java.sql.Array nullsArray = rs.getArray("_nulls");
                    Set<String> nulls = new java.util.HashSet<>();
                    if (nullsArray != null) {
                        for (Object o : (Object[]) nullsArray.getArray()) {
                            nulls.add(String.valueOf(o));
                        }
                    }
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String label = md.getColumnLabel(i);
                        if (label.equals("_nulls")) {
                            continue;
                        }
                        String name = label.equals("_id") || label.equals("_event_time") ? label
                                : fieldOfColumn.getOrDefault(label.toLowerCase(Locale.ROOT), label);
                        JsonNode value = encoder.encode(rs, i, md.getColumnTypeName(i));
                        if (value != null) {
                            doc.set(name, value);
                        } else if (nulls.contains(name)) {
                            doc.putNull(name);
                        }
                    }
                    if (doc.has("_event_time")) {
                        ObjectNode ts = mapper.createObjectNode();
                        ts.put("__rockset_type", "timestamp");
                        ts.put("value", doc.get("_event_time").asText());
                        doc.set("_event_time", ts);
                    }
                    out.put(rs.getString("_id"), doc);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return out;
    }
}
