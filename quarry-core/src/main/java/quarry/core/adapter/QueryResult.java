package quarry.core.adapter;

import java.util.List;

/**
 * What a statement returned: the adapter's response message ({@code OK}, {@code INSERT 100}), rows
 * affected when known, and, when fetched, the column names and rows (dbt's agate table).
 */
public record QueryResult(String message, long rowsAffected, List<String> columnNames, List<List<Object>> rows) {
    public QueryResult {
        columnNames = List.copyOf(columnNames);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    public static QueryResult ok(String message) {
        return new QueryResult(message, -1, List.of(), List.of());
    }
}
