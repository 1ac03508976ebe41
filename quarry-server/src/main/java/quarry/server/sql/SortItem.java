package quarry.server.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code ORDER BY} key. {@code nulls} is empty when the query does not say, so that a
 * translator can apply Rockset's default rather than DuckDB's.
 */
public record SortItem(Expression expression, Direction direction, boolean explicitDirection,
                       Optional<NullOrdering> nulls, SourcePosition position) {

    public enum Direction { ASC, DESC }

    public enum NullOrdering { FIRST, LAST }

    public SortItem {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nulls, "nulls");
        Objects.requireNonNull(position, "position");
    }
}
