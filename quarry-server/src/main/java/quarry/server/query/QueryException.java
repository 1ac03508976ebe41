package quarry.server.query;

/**
 * A query that fails for a reason the user can act on: a SQL error (400 QUERY_ERROR with line and
 * column), a timeout (408 QUERY_TIMEOUT), a cancellation, an unknown query id, a bad parameter.
 */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Spec §3.2, verbatim, including the two spaces after "true.". */
    public static final String TIMEOUT_MESSAGE = "Query timeout reached. To extend the query timeout, run an async"
            + " query by setting `async` to true.  Otherwise, please upgrade to a larger Virtual Instance or contact"
            + " Rockset customer support for assistance constructing a more efficient query.";

    private final int status;
    private final String type;
    private final Integer line;
    private final Integer column;
    private final String errorId;
    private final String queryId;

    public QueryException(int status, String type, String message, Integer line, Integer column, String errorId,
            String queryId) {
        super(message);
        this.status = status;
        this.type = type;
        this.line = line;
        this.column = column;
        this.errorId = errorId;
        this.queryId = queryId;
    }

    /** A 400 QUERY_ERROR at a position of the SQL (1-based line and column), or without one. */
    public static QueryException sql(String message, Integer line, Integer column, String errorId) {
        return new QueryException(400, "QUERY_ERROR", message, line, column, errorId, null);
    }

    public static QueryException timeout(String queryId) {
        return new QueryException(408, "QUERY_TIMEOUT", TIMEOUT_MESSAGE, null, null, "", queryId);
    }

    public static QueryException notFound(String queryId) {
        return new QueryException(404, "NOTFOUND", "Query \"" + queryId + "\" not found", null, null, null, queryId);
    }

    public QueryException withQueryId(String id) {
        return new QueryException(status, type, getMessage(), line, column, errorId, id);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    public String errorId() {
        return errorId;
    }

    public String queryId() {
        return queryId;
    }
}
