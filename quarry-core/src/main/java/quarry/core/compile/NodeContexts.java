package quarry.core.compile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.jinja.Arguments;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaEnvironment;
import quarry.core.jinja.JinjaException;
import quarry.core.manifest.RefCall;

/**
 * Builds the Jinja context of one node render, dbt's "node context": {@code ref}, {@code source},
 * {@code config}, {@code var}, {@code this}, {@code model}, {@code execute}, {@code adapter},
 * {@code graph}, statement results, plus the base members of {@link BaseFunctions}; macros are
 * found through {@link MacroScope}. Shared by all threads; each call makes a new context.
 */
public final class NodeContexts {

    /** How {@code ref} and {@code source} answer: recording while parsing, resolving while compiling. */
    public interface Refs {
        Object ref(RefCall call);

        Object source(String sourceName, String tableName);
    }

    private final JinjaEnvironment env;
    private final MacroRegistry macros;
    private final RenderSettings settings;

    private final Map<String, Object> baseMembers;
    private final ApiObject api;

    public NodeContexts(JinjaEnvironment env, MacroRegistry macros, RenderSettings settings) {
        this.env = env;
        this.macros = macros;
        this.settings = settings;
        this.baseMembers = BaseFunctions.members(settings, false);
        this.api = new ApiObject(settings);
    }

    public JinjaEnvironment environment() {
        return env;
    }

    public MacroRegistry macros() {
        return macros;
    }

    public RenderSettings settings() {
        return settings;
    }

    /**
     * A context for rendering a node.
     *
     * @param recordedConfig where {@code config(...)} calls go while parsing
     * @param usedMacros where the unique ids of macros used are recorded (may be null)
     * @param graph {@code graph} for compile-time renders (may be null)
     */
    public Context open(RenderTarget node, boolean parsing, Refs refs, Map<String, Object> recordedConfig,
            Set<String> usedMacros, Supplier<Map<String, Object>> graph) {
        Context ctx = env.newContext().lenientUndefined(parsing);
        MacroScope scope = new MacroScope(macros, ctx, node.packageName(), usedMacros);
        ctx.setAll(baseMembers);
        ctx.set("execute", !parsing);
        ctx.set("ref", (JinjaCallable) args -> refs.ref(refCall(args)));
        ctx.set("source", (JinjaCallable) args -> {
            if (args.size() != 2) {
                throw new JinjaException("source() takes exactly two arguments: source('source_name', 'table_name')");
            }
            return refs.source(String.valueOf(args.get(0, "source_name", null)), String.valueOf(args.get(1, "table_name", null)));
        });
        ConfigObject config = new ConfigObject(node.config(), recordedConfig == null ? new LinkedHashMap<>() : recordedConfig,
                parsing, node.resourceType().dbtName() + " " + node.name());
        ctx.set("config", config);
        Map<String, Object> packageVars = settings.vars() == null ? Map.of() : settings.vars().forPackage(node.packageName());
        ctx.set("var", (JinjaCallable) args -> var(packageVars, args, node));
        ctx.set("this", new RelationObject(new Relation(node.database(), node.schema(), node.alias(),
                "view".equals(node.config().get("materialized")) ? RelationType.VIEW : RelationType.TABLE,
                settings.relationStyle())));
        ctx.set("model", node.asDict());
        ctx.set("schema", node.schema());
        ctx.set("database", node.database());
        ctx.set("adapter", new AdapterObject(settings, scope, ctx, !parsing));
        ctx.set("api", api);
        ctx.set("selected_resources", new java.util.ArrayList<>());
        ctx.set("doc", (JinjaCallable) args -> "");
        Map<String, Object> results = new HashMap<>();
        ctx.set("store_result", (JinjaCallable) args -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("response", args.get(1, "response", null));
            Object table = args.get(2, "agate_table", null);
            r.put("table", table);
            r.put("data", table instanceof AgateTable t ? t.attribute("rows") : List.of());
            results.put(String.valueOf(args.get(0, "name", null)), r);
            return "";
        });
        ctx.set("store_raw_result", (JinjaCallable) args -> {
            Map<String, Object> r = new LinkedHashMap<>();
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("_message", args.get(1, "message", null));
            response.put("code", args.get(2, "code", null));
            response.put("rows_affected", args.get(3, "rows_affected", null));
            r.put("response", new AdapterObject.ResponseObject(response));
            r.put("table", args.get(4, "agate_table", null));
            results.put(String.valueOf(args.get(0, "name", null)), r);
            return "";
        });
        ctx.set("load_result", (JinjaCallable) args -> results.get(String.valueOf(args.get(0, "name", null))));
        Map<String, Object> builtins = new HashMap<>();
        builtins.put("ref", ctx.lookup("ref"));
        builtins.put("source", ctx.lookup("source"));
        builtins.put("config", config);
        ctx.set("builtins", builtins);
        Supplier<Map<String, Object>> graphValue = graph != null ? graph
                : () -> Map.of("nodes", Map.of(), "sources", Map.of(), "exposures", Map.of(), "macros", Map.of());
        ctx.fallback(name -> name.equals("graph") ? graphValue.get() : scope.resolve(name));
        return ctx;
    }

    /** A context for macros called outside any node (generate_schema_name while naming, run-operation). */
    public Context forMacros(String packageName, Map<String, Object> config) {
        RenderTarget target = new RenderTarget(quarry.core.manifest.ResourceType.OPERATION, "operation", packageName,
                "operation", List.of(packageName), "", "", config, null, null, null, "", null, null);
        Refs none = new Refs() {
            @Override
            public Object ref(RefCall call) {
                throw new JinjaException("ref() cannot be used here");
            }

            @Override
            public Object source(String sourceName, String tableName) {
                throw new JinjaException("source() cannot be used here");
            }
        };
        return open(target, true, none, new LinkedHashMap<>(), null, null).lenientUndefined(false);
    }

    static RefCall refCall(Arguments args) {
        Object v = args.keywords().containsKey("v") ? args.keywords().get("v") : args.keywords().get("version");
        for (String key : args.keywords().keySet()) {
            if (!key.equals("v") && !key.equals("version")) {
                throw new JinjaException("ref() got an unexpected keyword argument '" + key + "'");
            }
        }
        String version = v == null ? null : versionText(v);
        List<Object> p = args.positional();
        if (p.size() == 1 && p.get(0) instanceof String name) {
            return new RefCall(name, null, version);
        }
        if (p.size() == 2 && p.get(0) instanceof String pkg && p.get(1) instanceof String name) {
            return new RefCall(name, pkg, version);
        }
        throw new JinjaException("ref() takes one or two string arguments: ref('model') or ref('package', 'model'),"
                + " got " + p.size());
    }

    private static String versionText(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d);
        }
        return String.valueOf(v);
    }

    private static Object var(Map<String, Object> vars, Arguments args, RenderTarget node) {
        String name = String.valueOf(args.require(0, "var_name", "var"));
        if (vars.containsKey(name)) {
            return vars.get(name);
        }
        if (args.has(1, "default")) {
            return args.get(1, "default", null);
        }
        throw new JinjaException("Required var '" + name + "' not found in config; pass it with --vars or set it under"
                + " vars: in dbt_project.yml" + (node.name() == null ? "" : " (used by " + node.name() + ")"));
    }
}
