package quarry.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;

/**
 * Workspaces, collections, views and aliases: their rows in the {@code meta} schema and the
 * in-memory {@link Catalog} snapshot, swapped atomically after each committed change.
 */
public final class MetadataStore {

    private final Database database;
    private final AtomicReference<Catalog> catalog = new AtomicReference<>();
    /**
     * The snapshot of a write in progress: seen by the writer only, published when it commits, so
     * a query never resolves a field whose column is not committed yet.
     */
    private volatile Catalog pending;

    public MetadataStore(Database database) {
        this.database = Objects.requireNonNull(database);
        database.write(c -> {
            reload(c);
            return null;
        });
        if (catalog().collection("commons", "_events").isEmpty()) {
            // Rockset's built-in audit collection; client smoke tests query it (spec §4.3)
            createCollection("commons", "_events", "built-in audit events (always empty in Quarry)", 2_592_000L, null);
        }
    }

    /** The current snapshot. */
    public Catalog catalog() {
        Catalog p = pending;
        return p != null && database.inWrite() ? p : catalog.get();
    }

    Database database() {
        return database;
    }

    /** Re-reads the metadata tables on the writer connection; called inside write transactions. */
    void reload(DuckDBConnection c) throws SQLException {
        publish(CatalogReader.read(c));
    }

    /**
     * Makes {@code next} the snapshot: at once outside a write; inside one, for the writer only
     * until the transaction commits (and dropped if it rolls back).
     */
    private void publish(Catalog next) {
        if (database.inWrite()) {
            pending = next;
            database.afterTransaction(() -> {
                catalog.set(next);
                pending = null;
            }, () -> pending = null);
        } else {
            catalog.set(next);
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    // ---- workspaces

    public Workspace createWorkspace(String name, String description) {
        return database.writeShared(c -> {
            if (catalog().workspace(name).isPresent()) {
                throw new StoreException(StoreException.Kind.ALREADY_EXISTS, "WORKSPACE_ALREADY_EXISTS",
                        "Workspace \"" + name + "\" already exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta.workspace VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, description);
                Timestamp now = now();
                ps.setTimestamp(3, now);
                ps.executeUpdate();
                Workspace created = new Workspace(name, description, now.toInstant());
                publish(catalog().withWorkspace(created));
                return created;
            }
        });
    }

    public Workspace deleteWorkspace(String name) {
        return database.writeShared(c -> {
            Workspace ws = catalog().workspace(name).orElseThrow(() -> StoreException.workspaceNotFound(name));
            if ("commons".equals(name)) {
                throw new StoreException(StoreException.Kind.INVALID, "WORKSPACE_DELETE_COMMONS",
                        "Workspace \"commons\" is built in and cannot be deleted");
            }
            if (!catalog().isEmpty(name)) {
                throw new StoreException(StoreException.Kind.DEPENDENT, "WORKSPACE_NOT_EMPTY",
                        "Workspace \"" + name + "\" is not empty: delete its collections, views and aliases first");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM meta.workspace WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            publish(catalog().withoutWorkspace(name));
            return ws;
        });
    }

    // ---- collections

    public CollectionInfo createCollection(String ws, String name, String description, Long retentionSecs,
            String fieldMappingSql) {
        return database.writeShared(c -> {
            requireWorkspace(ws);
            requireFreeName(ws, name);
            long id;
            Timestamp now = now();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "UPDATE meta.tally SET value = value + 1 WHERE name = 'collection' RETURNING value")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meta.collection(id, workspace, name, description, created_at, retention_secs,"
                            + " field_mapping_sql) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, ws);
                ps.setString(3, name);
                ps.setString(4, description);
                ps.setTimestamp(5, now);
                ps.setObject(6, retentionSecs);
                ps.setString(7, fieldMappingSql);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE data.c" + id
                        + "(_id VARCHAR NOT NULL, _event_time TIMESTAMPTZ, _nulls VARCHAR[])");
            }
            CollectionInfo created = new CollectionInfo(id, ws, name, description, now.toInstant(), retentionSecs,
                    fieldMappingSql, List.of());
            publish(catalog().withCollection(created));
            return created;
        });
    }

    public CollectionInfo updateCollection(String ws, String name, String description, String fieldMappingSql) {
        return database.writeShared(c -> {
            CollectionInfo info = requireCollection(ws, name);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE meta.collection SET description = coalesce(?, description),"
                            + " field_mapping_sql = coalesce(?, field_mapping_sql) WHERE id = ?")) {
                ps.setString(1, description);
                ps.setString(2, fieldMappingSql);
                ps.setLong(3, info.id());
                ps.executeUpdate();
            }
            CollectionInfo updated = new CollectionInfo(info.id(), ws, name,
                    description == null ? info.description() : description, info.createdAt(), info.retentionSecs(),
                    fieldMappingSql == null ? info.fieldMappingSql() : fieldMappingSql, info.fields());
            publish(catalog().withCollection(updated));
            return updated;
        });
    }

    public CollectionInfo deleteCollection(String ws, String name) {
        return database.writeShared(c -> {
            CollectionInfo info = requireCollection(ws, name);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM meta.collection WHERE id = " + info.id());
                s.execute("DELETE FROM meta.field WHERE collection_id = " + info.id());
                s.execute("DROP TABLE " + info.table());
            }
            publish(catalog().withoutCollection(info));
            return info;
        });
    }

    /** Live stats: the number of documents and the bytes inserted so far. */
    public long[] stats(CollectionInfo info) {
        try (Database.Reader r = database.reader(); Statement s = r.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + info.table()
                        + "), (SELECT bytes_inserted FROM meta.collection WHERE id = " + info.id()
                        + ") + coalesce((SELECT sum(value) FROM meta.tally WHERE name = 'bytes:" + info.id() + "'), 0)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            return new long[] {0, 0};
        }
    }

    // ---- views

    public ViewInfo createView(String ws, String name, String sql, String description, List<String> entities) {
        return database.writeShared(c -> {
            requireWorkspace(ws);
            requireFreeName(ws, name);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta.view VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = now();
                ps.setString(1, ws);
                ps.setString(2, name);
                ps.setString(3, sql);
                ps.setString(4, description);
                ps.setArray(5, c.createArrayOf("VARCHAR", entities.toArray()));
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.executeUpdate();
                ViewInfo created = new ViewInfo(ws, name, sql, description, entities, now.toInstant(), now.toInstant());
                publish(catalog().withView(created));
                return created;
            }
        });
    }

    public ViewInfo updateView(String ws, String name, String sql, String description, List<String> entities) {
        return database.writeShared(c -> {
            ViewInfo old = requireView(ws, name);
            Timestamp now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE meta.view SET query_sql = ?,"
                    + " description = coalesce(?, description), entities = ?, modified_at = ?"
                    + " WHERE workspace = ? AND name = ?")) {
                ps.setString(1, sql);
                ps.setString(2, description);
                ps.setArray(3, c.createArrayOf("VARCHAR", entities.toArray()));
                ps.setTimestamp(4, now);
                ps.setString(5, ws);
                ps.setString(6, name);
                ps.executeUpdate();
            }
            ViewInfo updated = new ViewInfo(ws, name, sql, description == null ? old.description() : description,
                    entities, old.createdAt(), now.toInstant());
            publish(catalog().withView(updated));
            return updated;
        });
    }

    public ViewInfo deleteView(String ws, String name) {
        return database.writeShared(c -> {
            ViewInfo v = requireView(ws, name);
            deleteNamed(c, "meta.view", ws, name);
            publish(catalog().withoutView(v));
            return v;
        });
    }

    // ---- aliases

    public AliasInfo createAlias(String ws, String name, List<String> collections, String description) {
        return database.writeShared(c -> {
            requireWorkspace(ws);
            requireFreeName(ws, name);
            requireTargets(collections);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta.alias VALUES (?, ?, ?, ?, ?, ?)")) {
                Timestamp now = now();
                ps.setString(1, ws);
                ps.setString(2, name);
                ps.setArray(3, c.createArrayOf("VARCHAR", collections.toArray()));
                ps.setString(4, description);
                ps.setTimestamp(5, now);
                ps.setTimestamp(6, now);
                ps.executeUpdate();
                AliasInfo created = new AliasInfo(ws, name, collections, description, now.toInstant(), now.toInstant());
                publish(catalog().withAlias(created));
                return created;
            }
        });
    }

    /** Repoints an alias; readers see the old or the new target, never a mix. */
    public AliasInfo updateAlias(String ws, String name, List<String> collections, String description) {
        return database.writeShared(c -> {
            AliasInfo old = requireAlias(ws, name);
            requireTargets(collections);
            Timestamp now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE meta.alias SET collections = ?,"
                    + " description = coalesce(?, description), modified_at = ? WHERE workspace = ? AND name = ?")) {
                ps.setArray(1, c.createArrayOf("VARCHAR", collections.toArray()));
                ps.setString(2, description);
                ps.setTimestamp(3, now);
                ps.setString(4, ws);
                ps.setString(5, name);
                ps.executeUpdate();
            }
            AliasInfo updated = new AliasInfo(ws, name, collections, description == null ? old.description() : description,
                    old.createdAt(), now.toInstant());
            publish(catalog().withAlias(updated));
            return updated;
        });
    }

    public AliasInfo deleteAlias(String ws, String name) {
        return database.writeShared(c -> {
            AliasInfo a = requireAlias(ws, name);
            deleteNamed(c, "meta.alias", ws, name);
            publish(catalog().withoutAlias(a));
            return a;
        });
    }

    /** Deletes the row of a workspace-scoped entity (view, alias). */
    private void deleteNamed(DuckDBConnection c, String table, String ws, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE workspace = ? AND name = ?")) {
            ps.setString(1, ws);
            ps.setString(2, name);
            ps.executeUpdate();
        }
    }

    // ---- lookups that throw the Rockset errors

    public Workspace requireWorkspace(String ws) {
        return catalog().workspace(ws).orElseThrow(() -> StoreException.workspaceNotFound(ws));
    }

    public CollectionInfo requireCollection(String ws, String name) {
        requireWorkspace(ws);
        return catalog().collection(ws, name).orElseThrow(() -> StoreException.collectionNotFound(ws, name));
    }

    public ViewInfo requireView(String ws, String name) {
        requireWorkspace(ws);
        return catalog().view(ws, name).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND,
                "VIEW_NOT_FOUND", "View \"" + name + "\" does not exist in workspace \"" + ws + "\""));
    }

    public AliasInfo requireAlias(String ws, String name) {
        requireWorkspace(ws);
        return catalog().alias(ws, name).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND,
                "ALIAS_NOT_FOUND", "Alias \"" + name + "\" does not exist in workspace \"" + ws + "\""));
    }

    private void requireFreeName(String ws, String name) {
        Catalog cat = catalog();
        if (cat.collection(ws, name).isPresent() || cat.view(ws, name).isPresent() || cat.alias(ws, name).isPresent()) {
            throw new StoreException(StoreException.Kind.ALREADY_EXISTS, "ALREADY_EXISTS",
                    "A collection, view or alias named \"" + name + "\" already exists in workspace \"" + ws + "\"");
        }
    }

    private void requireTargets(List<String> collections) {
        if (collections.size() != 1) {
            throw new StoreException(StoreException.Kind.INVALID, "ALIAS_INVALID_COLLECTIONS",
                    "An alias must name exactly one collection as \"workspace.collection\"");
        }
        for (String path : collections) {
            int dot = path.indexOf('.');
            if (dot <= 0) {
                throw new StoreException(StoreException.Kind.INVALID, "ALIAS_INVALID_COLLECTIONS",
                        "Alias target \"" + path + "\" must be written \"workspace.collection\"");
            }
            requireCollection(path.substring(0, dot), path.substring(dot + 1));
        }
    }
}
