package quarry.server.query;

import java.util.List;

/**
 * A query as {@code POST /queries} asks for it (spec §4.7.1). {@code clientTimeoutMs} is
 * {@code async_options.client_timeout_ms}; a request with it but without {@code async} is the
 * older async form.
 */
public record QueryRequest(String sql, List<QueryParameter> parameters, Long defaultRowLimit,
        Integer maxInitialResults, boolean async, Long clientTimeoutMs, Long timeoutMs) {

    public QueryRequest {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** Whether the request runs as an async query (either form). */
    public boolean runsAsync() {
        return async || (clientTimeoutMs != null && clientTimeoutMs > 0);
    }
}
