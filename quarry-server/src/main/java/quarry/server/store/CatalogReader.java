package quarry.server.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/** Reads the {@code meta} tables (workspaces, collections with their fields, views, aliases) into a {@link Catalog}. */
final class CatalogReader {

    private CatalogReader() {
    }

    static Catalog read(DuckDBConnection c) throws SQLException {
        Map<String, Workspace> workspaces = new HashMap<>();
        Map<String, CollectionInfo> collections = new HashMap<>();
        Map<String, ViewInfo> views = new HashMap<>();
        Map<String, AliasInfo> aliases = new HashMap<>();
        Map<Long, List<Field>> fields = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name, description, created_at FROM meta.workspace")) {
                while (rs.next()) {
                    workspaces.put(rs.getString(1), new Workspace(rs.getString(1), rs.getString(2), instant(rs, 3)));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT collection_id, name, column_name, column_type FROM meta.field ORDER BY collection_id, position")) {
                while (rs.next()) {
                    fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Field(rs.getString(2), rs.getString(3), ColumnType.fromSql(rs.getString(4))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, workspace, name, description, created_at, retention_secs,"
                    + " field_mapping_sql FROM meta.collection")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Long retention = rs.getObject(6) == null ? null : rs.getLong(6);
                    CollectionInfo info = new CollectionInfo(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), retention, rs.getString(7), fields.getOrDefault(id, List.of()));
                    collections.put(info.path(), info);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT workspace, name, query_sql, description, entities, created_at,"
                    + " modified_at FROM meta.view")) {
                while (rs.next()) {
                    ViewInfo v = new ViewInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            strings(rs.getArray(5)), instant(rs, 6), instant(rs, 7));
                    views.put(v.path(), v);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT workspace, name, collections, description, created_at,"
                    + " modified_at FROM meta.alias")) {
                while (rs.next()) {
                    AliasInfo a = new AliasInfo(rs.getString(1), rs.getString(2), strings(rs.getArray(3)),
                            rs.getString(4), instant(rs, 5), instant(rs, 6));
                    aliases.put(a.path(), a);
                }
            }
        }
        return new Catalog(workspaces, collections, views, aliases);
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return o == null ? null : Instant.parse(o.toString());
    }

}
