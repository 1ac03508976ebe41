package quarry.server.http;

import quarry.server.query.QueryException;

/** Maps query-layer failures to the wire error. */
final class QueryErrors {
    private QueryErrors() {}

    static ApiException toApi(QueryException e) {
        return new ApiException(e.status(), e.type(), null, e.getMessage(), e.line(), e.column(), e.errorId(),
                e.queryId());
    }
}
