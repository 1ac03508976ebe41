package quarry.server.sql;

/**
 * A call names a function Rockset does not have. Message and {@code error_id} are Rockset's:
 * {@code Function `COUT` not found.} with {@code function_not_found}, positioned on the name.
 */
public final class FunctionNotFoundException extends SqlException {

    private static final long serialVersionUID = 1L;

    public static final String ERROR_ID = "function_not_found";

    private final String functionName;

    public FunctionNotFoundException(String functionName, SourcePosition position) {
        super("Function `" + functionName + "` not found.", position, ERROR_ID);
        this.functionName = functionName;
    }

    public String functionName() {
        return functionName;
    }
}
