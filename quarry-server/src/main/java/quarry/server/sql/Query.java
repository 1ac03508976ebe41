package quarry.server.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A query: {@code [WITH …] body [ORDER BY …] [LIMIT n] [OFFSET m]}. It appears as a whole
 * statement, after {@code INSERT INTO}, in FROM, in {@code IN (…)}, {@code EXISTS} and as a
 * scalar subquery.
 */
public record Query(List<CommonTableExpression> with, QueryBody body, List<SortItem> orderBy,
                    Optional<Expression> limit, Optional<Expression> offset, SourcePosition position) {

    public Query {
        with = List.copyOf(with);
        Objects.requireNonNull(body, "body");
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(position, "position");
    }

    /** {@code name [(col, …)] AS (query)} in a WITH clause. */
    public record CommonTableExpression(Identifier name, List<Identifier> columns, Query query,
                                        SourcePosition position) {
        public CommonTableExpression {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            Objects.requireNonNull(query, "query");
        }
    }
}
