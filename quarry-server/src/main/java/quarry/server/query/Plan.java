package quarry.server.query;

import java.util.List;

/**
 * A Rockset statement translated for DuckDB. For SELECT: the DuckDB SQL and its output columns
 * (by position, hidden ones included; {@code star} when the SELECT list has a {@code *}, whose
 * response has no {@code column_fields}); for INSERT INTO:
 * the same plus the target; for DESCRIBE: the target and the depth.
 */
public record Plan(Kind kind, String sql, List<OutputColumn> columns, boolean star, List<String> collections,
        String targetWorkspace, String targetCollection, int maxFieldDepth) {

    public enum Kind { SELECT, INSERT, DESCRIBE }

    public Plan {
        columns = columns == null ? null : List.copyOf(columns);
        collections = List.copyOf(collections);
    }
}
