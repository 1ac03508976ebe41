package quarry.server.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The part of a query between WITH and ORDER BY: a SELECT, a set operation, or a nested query. */
public sealed interface QueryBody {

    SourcePosition position();

    /**
     * {@code SELECT [DISTINCT] items [FROM relations] [WHERE] [GROUP BY] [HAVING]}. Comma joins
     * are kept as several {@code from} entries; {@code from} is empty for SELECT without FROM.
     */
    record Select(boolean distinct, List<SelectItem> items, List<Relation> from, Optional<Expression> where,
                  List<Expression> groupBy, Optional<Expression> having, SourcePosition position)
            implements QueryBody {
        public Select {
            items = List.copyOf(items);
            from = List.copyOf(from);
            Objects.requireNonNull(where, "where");
            groupBy = List.copyOf(groupBy);
            Objects.requireNonNull(having, "having");
        }
    }

    enum SetOperator { UNION, INTERSECT, EXCEPT }

    /** {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}; INTERSECT binds tighter. */
    record SetOperation(SetOperator operator, boolean all, QueryBody left, QueryBody right,
                        SourcePosition position) implements QueryBody {
    }

    /** A parenthesised query inside a set operation, which may have its own ORDER BY and LIMIT. */
    record Nested(Query query, SourcePosition position) implements QueryBody {
    }
}
