package quarry.rockset;

import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationPolicy;
import quarry.core.adapter.RelationStyle;
import quarry.core.adapter.RelationType;

/**
 * How Rockset names relations, as dbt-rockset's relation did: workspace and collection (or view)
 * quoted with {@code "}, the database left out, so {@code {{ this }}} renders {@code "workspace"."name"}.
 * Matching compares only workspace and name. Columns are quoted with back-ticks instead.
 */
public final class RocksetRelation {

    /** Quote policy: database false, schema true, identifier true; include policy the same. */
    public static final RelationStyle STYLE = new RelationStyle('"',
            new RelationPolicy(false, true, true), new RelationPolicy(false, true, true));

    private RocksetRelation() {}

    public static Relation of(String workspace, String name, RelationType type) {
        return new Relation(null, workspace, name, type, STYLE);
    }

    /** A column or identifier as Rockset SQL quotes it: {@code `name`}. */
    public static String quoteColumn(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
