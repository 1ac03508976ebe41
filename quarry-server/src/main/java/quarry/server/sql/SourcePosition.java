package quarry.server.sql;

/**
 * Where a piece of SQL starts: 1-based line and column, as Rockset reports them in the
 * {@code line} and {@code column} fields of a {@code QUERY_ERROR}.
 */
public record SourcePosition(int line, int column) {

    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
