package quarry.rockset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What a query answered: its id and status ({@code COMPLETED}, or {@code QUEUED}/{@code RUNNING}
 * for an async query still going), the projected column names in order (absent for
 * {@code SELECT *}), the rows, the write offset of an INSERT INTO, the cursor to the next page, and
 * the server's own elapsed time.
 */
public record QueryResult(
        String queryId,
        String status,
        Optional<List<String>> columnNames,
        List<ObjectNode> rows,
        Optional<String> lastOffset,
        Optional<String> nextCursor,
        long elapsedMillis) {

    public QueryResult {
        rows = List.copyOf(rows);
        columnNames = columnNames.map(List::copyOf);
    }

    public boolean isDone() {
        return !status.equals("QUEUED") && !status.equals("RUNNING");
    }
}
