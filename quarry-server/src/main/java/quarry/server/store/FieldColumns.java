package quarry.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;

/**
 * The schema side of a write (docs/server-storage.md, "Types"): the column a new field gets
 * (renamed when another column has its name case-insensitively), and the widening of a column
 * when a field brings a new type; both recorded in {@code meta.field}.
 */
final class FieldColumns {

    private FieldColumns() {}

    /** Whether storing values of these types needs a new or a wider column. */
    static boolean needChange(CollectionInfo info, Map<String, ColumnType> needed) {
        for (Map.Entry<String, ColumnType> e : needed.entrySet()) {
            Field existing = info.field(e.getKey()).orElse(null);
            if (existing == null || e.getValue() != null && existing.type().widen(e.getValue()) != existing.type()) {
                return true;
            }
        }
        return false;
    }

    /** Adds the columns of new fields and widens columns for new types; true when the catalog changed. */
    static boolean ensure(DuckDBConnection c, CollectionInfo info, Map<String, ColumnType> needed)
            throws SQLException {
        Set<String> taken = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        taken.addAll(List.of("_id", "_event_time", "_nulls"));
        for (Field f : info.fields()) {
            taken.add(f.column());
        }
        int position = info.fields().size();
        boolean changed = false;
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, ColumnType> e : needed.entrySet()) {
                String name = e.getKey();
                Field existing = info.field(name).orElse(null);
                ColumnType want = e.getValue();
                if (existing == null) {
                    ColumnType type = want == null ? ColumnType.VARCHAR : want;
                    String column = name;
                    for (int n = 2; taken.contains(column); n++) {
                        column = name + "#~" + n;
                    }
                    taken.add(column);
                    s.execute("ALTER TABLE " + info.table() + " ADD COLUMN " + Database.quote(column) + " " + type.sql());
                    insertField(c, info.id(), name, column, type, position++);
                    changed = true;
                } else if (want != null && existing.type().widen(want) != existing.type()) {
                    ColumnType wider = existing.type().widen(want);
                    String col = Database.quote(existing.column());
                    String using = wider == ColumnType.JSON ? " USING to_json(" + col + ")" : "";
                    s.execute("ALTER TABLE " + info.table() + " ALTER COLUMN " + col + " TYPE " + wider.sql() + using);
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE meta.field SET column_type = ? WHERE collection_id = ? AND name = ?")) {
                        ps.setString(1, wider.sql());
                        ps.setLong(2, info.id());
                        ps.setString(3, name);
                        ps.executeUpdate();
                    }
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static void insertField(DuckDBConnection c, long id, String name, String column, ColumnType type,
            int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta.field VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, column);
            ps.setString(4, type.sql());
            ps.setInt(5, position);
            ps.executeUpdate();
        }
    }
}
