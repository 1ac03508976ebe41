package quarry.core.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Column;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.jinja.Arguments;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaException;
import quarry.core.jinja.JinjaObject;
import quarry.core.jinja.Macro;
import quarry.core.jinja.PyTuple;
import quarry.core.jinja.Undefined;

/**
 * dbt's {@code adapter} in Jinja: {@code dispatch} with dbt's search order, quoting, the adapter type,
 * and the introspective methods, which ask the database when a connection is open and otherwise
 * answer as dbt does while parsing (no relation, no columns).
 */
final class AdapterObject implements JinjaObject {

    private final RenderSettings settings;
    private final MacroScope macros;
    private final Context context;
    private final boolean executing;

    AdapterObject(RenderSettings settings, MacroScope macros, Context context, boolean executing) {
        this.settings = settings;
        this.macros = macros;
        this.context = context;
        this.executing = executing;
    }

    @Override
    public Object attribute(String name) {
        AdapterConnection connection = executing ? settings.connection() : null;
        return switch (name) {
            case "dispatch" -> (JinjaCallable) this::dispatch;
            case "type" -> (JinjaCallable) args -> settings.adapter().type();
            case "quote" -> (JinjaCallable) args -> settings.adapter().quote(String.valueOf(args.require(0, "identifier", "quote")));
            case "quote_as_configured" -> (JinjaCallable) args -> {
                String identifier = String.valueOf(args.require(0, "identifier", "quote_as_configured"));
                String part = String.valueOf(args.get(1, "quote_key", "identifier"));
                boolean quote = switch (part) {
                    case "database" -> settings.relationStyle().quotePolicy().database();
                    case "schema" -> settings.relationStyle().quotePolicy().schema();
                    default -> settings.relationStyle().quotePolicy().identifier();
                };
                return quote ? settings.adapter().quote(identifier) : identifier;
            };
            case "quote_seed_column" -> (JinjaCallable) args -> {
                String column = String.valueOf(args.require(0, "column", "quote_seed_column"));
                Object quote = args.get(1, "quote_config", null);
                return Boolean.FALSE.equals(quote) ? column : settings.adapter().quote(column);
            };
            case "get_relation" -> (JinjaCallable) args -> {
                if (connection == null) {
                    return null;
                }
                Optional<Relation> r = connection.getRelation(RelationObject.str(args.get(0, "database", null)),
                        RelationObject.str(args.get(1, "schema", null)), RelationObject.str(args.get(2, "identifier", null)));
                return r.map(RelationObject::new).orElse(null);
            };
            case "load_relation" -> (JinjaCallable) args -> {
                if (connection == null || !(args.get(0) instanceof RelationObject rel)) {
                    return null;
                }
                Relation r = rel.relation();
                return connection.getRelation(r.database(), r.schema(), r.identifier()).map(RelationObject::new).orElse(null);
            };
            case "get_columns_in_relation" -> (JinjaCallable) args -> {
                if (connection == null || !(args.get(0) instanceof RelationObject rel)) {
                    return new ArrayList<>();
                }
                List<Object> out = new ArrayList<>();
                for (Column c : connection.getColumnsInRelation(rel.relation())) {
                    out.add(new ColumnObject(c, settings));
                }
                return out;
            };
            case "list_relations_without_caching", "list_relations" -> (JinjaCallable) args -> {
                if (connection == null || !(args.get(0) instanceof RelationObject rel)) {
                    return new ArrayList<>();
                }
                return new ArrayList<Object>(connection.listRelations(rel.relation().database(), rel.relation().schema())
                        .stream().map(RelationObject::new).toList());
            };
            case "check_schema_exists" -> (JinjaCallable) args -> connection != null && !connection
                    .listRelations(RelationObject.str(args.get(0, "database", null)), RelationObject.str(args.get(1, "schema", null)))
                    .isEmpty();
            case "execute" -> (JinjaCallable) args -> execute(connection, args);
            case "create_schema" -> (JinjaCallable) args -> {
                if (connection != null && args.get(0) instanceof RelationObject rel) {
                    connection.createSchema(rel.relation().database(), rel.relation().schema());
                }
                return "";
            };
            case "drop_schema" -> (JinjaCallable) args -> {
                if (connection != null && args.get(0) instanceof RelationObject rel) {
                    connection.dropSchema(rel.relation().database(), rel.relation().schema());
                }
                return "";
            };
            case "drop_relation" -> (JinjaCallable) args -> {
                if (connection != null && args.get(0) instanceof RelationObject rel) {
                    connection.dropRelation(rel.relation());
                }
                return "";
            };
            case "rename_relation" -> (JinjaCallable) args -> {
                if (connection != null && args.get(0) instanceof RelationObject from && args.get(1) instanceof RelationObject to) {
                    connection.renameRelation(from.relation(), to.relation());
                }
                return "";
            };
            case "commit", "begin", "cache_added", "cache_dropped", "cache_renamed" -> (JinjaCallable) args -> "";
            case "config" -> Map.of("quoting", Map.of(), "credentials", settings.env() == null ? settings.target()
                    : settings.env().reads().watch(settings.target(), "target:"));
            case "Relation" -> ApiObject.relationFactory(settings);
            default -> Undefined.withHint("adapter has no method '" + name + "'");
        };
    }

    private Object execute(AdapterConnection connection, Arguments args) {
        String sql = String.valueOf(args.require(0, "sql", "adapter.execute"));
        boolean fetch = Boolean.TRUE.equals(args.get(2, "fetch", false));
        if (connection == null) {
            throw new JinjaException("this SQL needs a connection to the database, which "
                    + (executing ? "this command does not open" : "is not available while parsing") + ": "
                    + (sql.length() > 80 ? sql.substring(0, 80) + "..." : sql.strip()));
        }
        QueryResult result = connection.execute(sql, fetch);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", result.message());
        response.put("code", result.message());
        response.put("rows_affected", result.rowsAffected());
        return PyTuple.of(new ResponseObject(response), new AgateTable(result));
    }

    /** dbt's dispatch: for each package of the search order, try {@code <adapter>__name}, parents, {@code default__name}. */
    private Object dispatch(Arguments args) {
        String macroName = String.valueOf(args.require(0, "macro_name", "adapter.dispatch"));
        Object ns = args.get(1, "macro_namespace", null);
        String namespace = ns == null || ns instanceof Undefined ? null : String.valueOf(ns);
        if (macroName.contains(".")) {
            throw new JinjaException("adapter.dispatch: macro_name '" + macroName + "' must not contain a dot; pass the"
                    + " package as macro_namespace");
        }
        List<String> packages = new ArrayList<>();
        if (namespace == null) {
            packages.add(null);
        } else {
            Optional<List<String>> order = settings.dispatch().stream()
                    .filter(d -> d.macroNamespace().equals(namespace)).map(d -> d.searchOrder()).findFirst();
            if (order.isPresent()) {
                packages.addAll(order.get());
            } else if (macros.registry().hasPackage(namespace)) {
                packages.add(settings.rootProject());
                packages.add(namespace);
            } else {
                throw new JinjaException("adapter.dispatch: no package named '" + namespace + "' is installed");
            }
        }
        List<String> prefixes = new ArrayList<>();
        prefixes.add(settings.adapter().type());
        prefixes.addAll(settings.adapter().parentTypes());
        prefixes.add("default");
        List<String> searched = new ArrayList<>();
        for (String pkg : packages) {
            for (String prefix : prefixes) {
                String candidate = prefix + "__" + macroName;
                Object found;
                if (pkg == null) {
                    found = macros.resolve(candidate);
                    searched.add(candidate);
                } else {
                    found = macros.inPackage(pkg, candidate);
                    searched.add(pkg + "." + candidate);
                }
                if (found instanceof Macro) {
                    return found;
                }
            }
        }
        throw new JinjaException("no macro named '" + macroName + "' found within namespace '"
                + (namespace == null ? "(current)" : namespace) + "'; searched for: " + String.join(", ", searched));
    }

    @Override
    public String toString() {
        return "<adapter " + settings.adapter().type() + ">";
    }

    /** An adapter response as Jinja sees it: {@code response._message}, {@code response.rows_affected}. */
    record ResponseObject(Map<String, Object> fields) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return fields.containsKey(name) ? fields.get(name) : Undefined.withHint("response has no '" + name + "'");
        }

        @Override
        public String toString() {
            return String.valueOf(fields.get("_message"));
        }
    }

    /** dbt's Column in Jinja: name, quoted, data_type, dtype and the type tests macros use. */
    record ColumnObject(Column column, RenderSettings settings) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            String type = column.dataType() == null ? "" : column.dataType().toLowerCase(java.util.Locale.ROOT);
            return switch (name) {
                case "name", "column" -> column.name();
                case "quoted" -> settings.adapter().quote(column.name());
                case "data_type", "dtype" -> column.dataType();
                case "is_string" -> (JinjaCallable) a -> type.contains("string") || type.contains("char") || type.contains("text");
                case "is_number", "is_numeric" -> (JinjaCallable) a -> type.contains("int") || type.contains("float")
                        || type.contains("double") || type.contains("decimal") || type.contains("numeric");
                case "is_integer" -> (JinjaCallable) a -> type.contains("int");
                case "is_float" -> (JinjaCallable) a -> type.contains("float") || type.contains("double");
                default -> Undefined.withHint("column has no '" + name + "'");
            };
        }

        @Override
        public String toString() {
            return "<Column " + column.name() + " (" + column.dataType() + ")>";
        }
    }
}
