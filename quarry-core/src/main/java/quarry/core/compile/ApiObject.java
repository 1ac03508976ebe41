package quarry.core.compile;

import quarry.core.adapter.Column;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaObject;
import quarry.core.jinja.Undefined;

/** dbt's {@code api}: {@code api.Relation.create(...)} and {@code api.Column.create(...)} for macros. */
final class ApiObject implements JinjaObject {

    private final RenderSettings settings;

    ApiObject(RenderSettings settings) {
        this.settings = settings;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "Relation" -> relationFactory(settings);
            case "Column" -> (JinjaObject) attribute -> attribute.equals("create")
                    ? (JinjaCallable) args -> new AdapterObject.ColumnObject(new Column(
                            String.valueOf(args.require(0, "name", "Column.create")),
                            RelationObject.str(args.get(1, "dtype", null))), settings)
                    : Undefined.withHint("api.Column has no '" + attribute + "'");
            default -> Undefined.withHint("api has no '" + name + "'");
        };
    }

    static JinjaObject relationFactory(RenderSettings settings) {
        return attribute -> attribute.equals("create")
                ? (JinjaCallable) args -> {
                    RelationType type = RelationObject.type(args.get(3, "type", null));
                    return new RelationObject(new Relation(RelationObject.str(args.get(0, "database", null)),
                            RelationObject.str(args.get(1, "schema", null)), RelationObject.str(args.get(2, "identifier", null)),
                            type, settings.relationStyle()));
                }
                : Undefined.withHint("api.Relation has no '" + attribute + "'");
    }
}
