package quarry.server.sql;

/**
 * A known function called in a way it cannot be: wrong number of arguments, DISTINCT or
 * {@code *} where they make no sense, an OVER clause on a scalar, or a Rockset function that
 * Quarry does not support yet (docs/sql-functions.md lists those).
 */
public final class InvalidFunctionCallException extends SqlException {

    private static final long serialVersionUID = 1L;

    public static final String INVALID_ARGUMENTS = "invalid_function_arguments";
    public static final String NOT_SUPPORTED = "function_not_supported";

    public InvalidFunctionCallException(String message, SourcePosition position, String errorId) {
        super(message, position, errorId);
    }
}
