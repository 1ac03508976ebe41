package quarry.core.adapter;

import java.util.Locale;

/** dbt's relation types, as {@code relation.type} shows them in Jinja. */
public enum RelationType {
    TABLE, VIEW, CTE, MATERIALIZED_VIEW, EXTERNAL;

    /** The lower-case name dbt uses ({@code table}, {@code view}, {@code materialized_view}, ...). */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RelationType fromDbtName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
