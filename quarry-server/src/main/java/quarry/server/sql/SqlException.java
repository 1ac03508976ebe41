package quarry.server.sql;

import java.util.Objects;

/**
 * A user error in a SQL statement, mapped by the HTTP layer to Rockset's
 * {@code 400 QUERY_ERROR} with {@code line}, {@code column} and {@code error_id}.
 * The message is the text Rockset users see; it never carries a stack trace or a secret.
 */
public abstract sealed class SqlException extends RuntimeException
        permits SqlSyntaxException, FunctionNotFoundException, InvalidFunctionCallException {

    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final String errorId;

    protected SqlException(String message, SourcePosition position, String errorId) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.position = Objects.requireNonNull(position, "position");
        this.errorId = Objects.requireNonNull(errorId, "errorId");
    }

    /** Position of the offending token, 1-based. */
    public SourcePosition position() {
        return position;
    }

    public int line() {
        return position.line();
    }

    public int column() {
        return position.column();
    }

    /** The wire {@code error_id}, e.g. {@code function_not_found} or {@code syntax_error}. */
    public String errorId() {
        return errorId;
    }
}
