package quarry.rockset;

import java.util.List;
import java.util.Objects;

/**
 * A SQL query for {@code POST /v1/orgs/self/queries}. With {@code async}, the server answers inline
 * when the query finishes within {@code clientTimeoutMs}, else with a query id to poll.
 * {@code virtualInstance} (an id or RRN) routes the query to {@code /virtualinstances/{vi}/queries}.
 */
public record QueryRequest(
        String sql,
        List<Parameter> parameters,
        boolean async,
        Long clientTimeoutMs,
        Long timeoutMs,
        Integer maxInitialResults,
        Integer defaultRowLimit,
        String virtualInstance) {

    /** A query parameter; Rockset sends every value as a string together with its type name. */
    public record Parameter(String name, String type, String value) {
        public Parameter {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }
    }

    public QueryRequest {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    public static QueryRequest of(String sql) {
        return new QueryRequest(sql, List.of(), false, null, null, null, null, null);
    }

    /** The same query sent with {@code async: true}, answered inline if done within {@code clientTimeoutMs}. */
    public QueryRequest asAsync(long clientTimeoutMs, long timeoutMs) {
        return new QueryRequest(sql, parameters, true, clientTimeoutMs, timeoutMs, maxInitialResults,
                defaultRowLimit, virtualInstance);
    }

    public QueryRequest withParameters(List<Parameter> newParameters) {
        return new QueryRequest(sql, newParameters, async, clientTimeoutMs, timeoutMs, maxInitialResults,
                defaultRowLimit, virtualInstance);
    }

    public QueryRequest onVirtualInstance(String vi) {
        return new QueryRequest(sql, parameters, async, clientTimeoutMs, timeoutMs, maxInitialResults,
                defaultRowLimit, vi);
    }
}
