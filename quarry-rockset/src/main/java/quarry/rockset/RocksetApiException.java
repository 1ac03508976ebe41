package quarry.rockset;

import java.util.Optional;

/**
 * An error answered by a Rockset API server, in Rockset's error shape ({@code message},
 * {@code type}, {@code line}, {@code column}, {@code query_id}), or a transport failure
 * (status 0). The API key never appears in it.
 */
public final class RocksetApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final Integer line;
    private final Integer column;
    private final String queryId;

    public RocksetApiException(int status, String type, String message, Integer line, Integer column, String queryId) {
        super(message);
        this.status = status;
        this.type = type == null ? "" : type;
        this.line = line;
        this.column = column;
        this.queryId = queryId;
    }

    static RocksetApiException transport(String message, Throwable cause) {
        RocksetApiException e = new RocksetApiException(0, "CONNECTION_ERROR", message, null, null, null);
        e.initCause(cause);
        return e;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Rockset's error type, such as {@code NOTFOUND} or {@code QUERY_ERROR}. */
    public String type() {
        return type;
    }

    public Optional<Integer> line() {
        return Optional.ofNullable(line);
    }

    public Optional<Integer> column() {
        return Optional.ofNullable(column);
    }

    public Optional<String> queryId() {
        return Optional.ofNullable(queryId);
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** Whether a later attempt may succeed: rate limits, gateway errors and dropped connections. */
    public boolean isRetryable() {
        return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    @Override
    public String toString() {
        return "RocksetApiException[" + status + " " + type + "]: " + getMessage();
    }
}
