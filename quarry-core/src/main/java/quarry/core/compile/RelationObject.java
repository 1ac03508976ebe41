package quarry.core.compile;

import java.util.Map;
import java.util.Objects;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.jinja.Arguments;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaException;
import quarry.core.jinja.JinjaMapping;
import quarry.core.jinja.Undefined;

/**
 * A {@link Relation} as Jinja sees it ({@code this}, {@code ref(...)}, {@code api.Relation.create(...)}):
 * its parts, type tests and the methods dbt's BaseRelation offers. Prints as the rendered name.
 */
public final class RelationObject implements JinjaMapping {

    private final Relation relation;
    private final boolean empty;

    public RelationObject(Relation relation) {
        this(relation, false);
    }

    /**
     * With {@code empty} (a ref or source under dbt's {@code --empty}), the relation prints as a
     * subquery that returns no rows, as dbt's {@code render_limited} does, so models build with
     * their columns and no data; {@code render()} and the parts are unchanged.
     */
    public RelationObject(Relation relation, boolean empty) {
        this.relation = Objects.requireNonNull(relation);
        this.empty = empty && relation.type() != RelationType.CTE;
    }

    public Relation relation() {
        return relation;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "database" -> relation.database();
            case "schema" -> relation.schema();
            case "identifier", "name", "table" -> relation.identifier();
            case "type" -> relation.type() == null ? null : relation.type().dbtName();
            case "is_table" -> relation.isTable();
            case "is_view" -> relation.isView();
            case "is_cte" -> relation.isCte();
            case "is_materialized_view" -> relation.type() == RelationType.MATERIALIZED_VIEW;
            case "render" -> (JinjaCallable) args -> relation.render();
            case "without_identifier" -> (JinjaCallable) args -> new RelationObject(relation.withoutIdentifier());
            case "include" -> (JinjaCallable) args -> new RelationObject(relation.include(
                    bool(args, 0, "database"), bool(args, 1, "schema"), bool(args, 2, "identifier")));
            case "quote" -> (JinjaCallable) args -> new RelationObject(relation.quote(
                    bool(args, 0, "database"), bool(args, 1, "schema"), bool(args, 2, "identifier")));
            case "incorporate" -> (JinjaCallable) this::incorporate;
            case "quote_policy" -> Map.of("database", relation.style().quotePolicy().database(),
                    "schema", relation.style().quotePolicy().schema(), "identifier", relation.style().quotePolicy().identifier());
            case "include_policy" -> Map.of("database", relation.style().includePolicy().database(),
                    "schema", relation.style().includePolicy().schema(), "identifier", relation.style().includePolicy().identifier());
            case "quote_character" -> String.valueOf(relation.style().quoteChar());
            case "path" -> Map.of("database", String.valueOf(relation.database()), "schema", String.valueOf(relation.schema()),
                    "identifier", String.valueOf(relation.identifier()));
            case "matches" -> (JinjaCallable) args -> relation.matches(str(args.get(0, "database", null)),
                    str(args.get(1, "schema", null)), str(args.get(2, "identifier", null)));
            case "metadata" -> asMap().get("metadata");
            case "get", "keys", "values" -> mappingMethod(name);
            default -> Undefined.withHint("a relation has no attribute '" + name + "'");
        };
    }

    /**
     * The relation as dbt's Python code sees it (a Mapping of its fields): packages test
     * {@code obj is mapping and obj.get('metadata', {}).get('type', '').endswith('Relation')}
     * to tell a relation from a string (dbt_utils' {@code _is_relation}).
     */
    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("path", attribute("path"));
        map.put("type", attribute("type"));
        map.put("quote_character", attribute("quote_character"));
        map.put("include_policy", attribute("include_policy"));
        map.put("quote_policy", attribute("quote_policy"));
        map.put("metadata", Map.of("type", "BaseRelation"));
        return map;
    }

    private Object incorporate(Arguments args) {
        Relation r = relation;
        Object path = args.get(0, "path", null);
        if (path instanceof Map<?, ?> p) {
            if (p.containsKey("database")) {
                r = new Relation(str(p.get("database")), r.schema(), r.identifier(), r.type(), r.style());
            }
            if (p.containsKey("schema")) {
                r = r.withSchema(str(p.get("schema")));
            }
            if (p.containsKey("identifier")) {
                r = r.withIdentifier(str(p.get("identifier")));
            }
        }
        Object type = args.get(1, "type", null);
        if (type != null) {
            r = r.withType(type(type));
        }
        return new RelationObject(r);
    }

    static RelationType type(Object type) {
        try {
            return type == null ? null : RelationType.fromDbtName(String.valueOf(type));
        } catch (IllegalArgumentException e) {
            throw new JinjaException("unknown relation type '" + type + "'");
        }
    }

    private static Boolean bool(Arguments args, int index, String name) {
        Object v = args.get(index, name, null);
        return v == null ? null : Boolean.TRUE.equals(v);
    }

    static String str(Object v) {
        return v == null || v instanceof Undefined ? null : String.valueOf(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelationObject other && other.relation.equals(relation);
    }

    @Override
    public int hashCode() {
        return relation.hashCode();
    }

    @Override
    public String toString() {
        return empty ? "(select * from " + relation.render() + " where false limit 0) _dbt_limit_subq_" + relation.identifier()
                : relation.render();
    }
}
