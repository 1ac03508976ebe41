package quarry.server.http;

/**
 * A request answered with Rockset's error shape (spec §3.1): HTTP status, {@code type},
 * {@code message}, and the optional {@code message_key}, {@code line}, {@code column},
 * {@code error_id} and {@code query_id}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;
    private final String messageKey;
    private final Integer line;
    private final Integer column;
    private final String errorId;
    private final String queryId;

    public ApiException(int status, String type, String messageKey, String message, Integer line, Integer column,
            String errorId, String queryId) {
        super(message);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.line = line;
        this.column = column;
        this.errorId = errorId;
        this.queryId = queryId;
    }

    public ApiException(int status, String type, String message) {
        this(status, type, null, message, null, null, null, null);
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "INVALIDINPUT", message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
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
