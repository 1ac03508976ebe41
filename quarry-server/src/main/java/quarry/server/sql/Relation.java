package quarry.server.sql;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Something in FROM. */
public sealed interface Relation {

    SourcePosition position();

    /**
     * A collection, view, alias or CTE: {@code name [[AS] alias] [HINT(k=v, …)]}. Without an alias
     * the bare collection name qualifies fields (§5.2). Hints are kept as written and ignored.
     */
    record Table(QualifiedName name, Optional<Identifier> alias, Map<String, String> hints,
                 SourcePosition position) implements Relation {
        public Table {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alias, "alias");
            hints = Map.copyOf(hints);
        }
    }

    /** {@code (query) [AS] alias}. */
    record Subquery(Query query, Optional<Identifier> alias, SourcePosition position) implements Relation {
        public Subquery {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(alias, "alias");
        }
    }

    /**
     * {@code UNNEST(array [AS field] [WITH ORDINALITY [AS index]]) [[AS] alias]}: one row per
     * element; Rockset names the element's field with the inner alias ({@code FROM unnest([1] AS q)},
     * §5.8). {@code ordinality} is present with WITH ORDINALITY and names the 1-based position
     * field ({@code ordinality} when no name is given).
     */
    record Unnest(Expression array, Optional<Identifier> elementAlias, Optional<Identifier> ordinality,
                  Optional<Identifier> alias, SourcePosition position) implements Relation {
        public Unnest {
            Objects.requireNonNull(array, "array");
            Objects.requireNonNull(elementAlias, "elementAlias");
            Objects.requireNonNull(ordinality, "ordinality");
            Objects.requireNonNull(alias, "alias");
        }
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }

    /**
     * {@code left [type] JOIN right [ON condition | USING (cols)] [HINT(k=v, …)]}; join hints such
     * as {@code join_strategy=lookup} are kept as written and ignored.
     */
    record Join(JoinType type, Relation left, Relation right, Optional<Expression> on, List<Identifier> using,
                Map<String, String> hints, SourcePosition position) implements Relation {
        public Join {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(on, "on");
            using = List.copyOf(using);
            hints = Map.copyOf(hints);
        }
    }
}
