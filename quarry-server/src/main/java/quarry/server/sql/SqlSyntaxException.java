package quarry.server.sql;

/** The statement does not follow Rockset's grammar; the position names the offending token. */
public final class SqlSyntaxException extends SqlException {

    private static final long serialVersionUID = 1L;

    public static final String ERROR_ID = "syntax_error";

    public SqlSyntaxException(String message, SourcePosition position) {
        super(message, position, ERROR_ID);
    }
}
