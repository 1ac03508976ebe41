package quarry.core.adapter;

import java.util.Objects;

/**
 * How an adapter writes relation names: the quote character and the default quote and include
 * policies. A project's {@code quoting:} block adjusts the quote policy.
 */
public record RelationStyle(char quoteChar, RelationPolicy quotePolicy, RelationPolicy includePolicy) {

    /** dbt's default: every part quoted with {@code "}, every part included. */
    public static final RelationStyle DBT_DEFAULT = new RelationStyle('"', RelationPolicy.ALL, RelationPolicy.ALL);

    public RelationStyle {
        Objects.requireNonNull(quotePolicy);
        Objects.requireNonNull(includePolicy);
    }

    public RelationStyle withQuotePolicy(RelationPolicy policy) {
        return new RelationStyle(quoteChar, policy, includePolicy);
    }
}
