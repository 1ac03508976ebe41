package quarry.server.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of a SELECT list. */
public sealed interface SelectItem {

    SourcePosition position();

    /**
     * {@code *}, {@code t.*} (qualifier present) or {@code * EXCEPT (a, b)}; a {@code SELECT *}
     * response has no {@code column_fields} (§4.7.1).
     */
    record Star(Optional<QualifiedName> qualifier, List<Identifier> except, SourcePosition position)
            implements SelectItem {
        public Star {
            Objects.requireNonNull(qualifier, "qualifier");
            except = List.copyOf(except);
        }
    }

    /** {@code expr [[AS] alias]}. Without an alias the column is named as §5.7 says. */
    record Single(Expression expression, Optional<Identifier> alias, SourcePosition position)
            implements SelectItem {
        public Single {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(alias, "alias");
        }
    }
}
