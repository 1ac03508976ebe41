package quarry.core.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import quarry.core.SourceLocation;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.artifacts.CompiledNode;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaException;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.RefCall;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;
import quarry.core.parse.ParseException;
import quarry.core.parse.RefResolver;
import quarry.core.parse.StaticSql;

/**
 * Compiles nodes to SQL as dbt does just before running them: renders with {@code execute} true,
 * refs resolved to relations, ephemeral models turned into {@code __dbt__cte__} CTEs, and generic
 * tests given their rendered arguments. Files the static shortcut read are compiled without Jinja,
 * to the same text. Thread-safe: nodes may be compiled in parallel.
 */
public final class Compiler {

    private static final Pattern LOOKS_LIKE_FUNCTION =
            Pattern.compile("^\\s*(env_var|ref|var|source|doc)\\s*\\(.+\\)\\s*$", Pattern.DOTALL);

    /** A node's SQL before its ephemeral CTEs are injected, with the CTEs it needs. */
    private record Rendered(String sql, List<CompiledNode.Cte> ctes, Map<String, Object> configCalls) {
        Rendered(String sql, List<CompiledNode.Cte> ctes) {
            this(sql, ctes, Map.of());
        }
    }

    private final JinjaBinding jinja;
    private final Manifest manifest;
    private final RefResolver resolver;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final Supplier<Map<String, Object>> graph;
    private final boolean emptyInputs;
    private final Map<String, Relation> deferred;

    public Compiler(JinjaBinding jinja, Manifest manifest) {
        this(jinja, manifest, false);
    }

    /** With {@code emptyInputs} (dbt's {@code --empty}), refs and sources render as zero-row relations. */
    public Compiler(JinjaBinding jinja, Manifest manifest, boolean emptyInputs) {
        this(jinja, manifest, emptyInputs, Map.of());
    }

    private Compiler(JinjaBinding jinja, Manifest manifest, boolean emptyInputs, Map<String, Relation> deferred) {
        this.emptyInputs = emptyInputs;
        this.jinja = jinja;
        this.manifest = manifest;
        this.resolver = new RefResolver(manifest.projectName(), manifest.nodes().values(), List.of(),
                manifest.sources().values(), List.of());
        this.graph = new GraphView(manifest);
        this.deferred = Map.copyOf(deferred);
    }

    /**
     * This compiler with {@code --defer}: a ref to one of the given nodes (by unique id) renders as
     * the relation given for it, the one an earlier run built (docs/state.md).
     */
    public Compiler withDeferred(Map<String, Relation> relations) {
        return new Compiler(jinja, manifest, emptyInputs, relations);
    }

    /** The node's compiled SQL, with its ephemeral CTEs injected. */
    public CompiledNode compile(Node node) {
        Rendered r = render(node);
        return new CompiledNode(CteInjector.inject(r.sql(), r.ctes()), r.ctes(),
                "target/" + node.artifactPath("compiled"), r.configCalls());
    }

    private Rendered render(Node node) {
        Rendered done = rendered.get(node.uniqueId());
        if (done != null) {
            return done;
        }
        Rendered fresh = node.testMetadata() == null ? staticRender(node).orElseGet(() -> jinjaRender(node)) : jinjaRender(node);
        if (!node.isEphemeral()) {
            return fresh;
        }
        // only ephemeral models are rendered more than once (once per model that selects from them)
        Rendered previous = rendered.putIfAbsent(node.uniqueId(), fresh);
        return previous != null ? previous : fresh;
    }

    private Optional<Rendered> staticRender(Node node) {
        if (!node.staticallyParsed() || node.resourceType() == ResourceType.SEED) {
            return node.resourceType() == ResourceType.SEED ? Optional.of(new Rendered("", List.of())) : Optional.empty();
        }
        Optional<StaticSql> parts = StaticSql.analyze(node.rawCode());
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(node.rawCode().length() + 64);
        List<CompiledNode.Cte> ctes = new ArrayList<>();
        for (StaticSql.Part part : parts.get().parts()) {
            if (part instanceof StaticSql.Text t) {
                sql.append(t.text());
            } else if (part instanceof StaticSql.Ref r) {
                sql.append(new RelationObject(refRelation(node, r.ref(), ctes), emptyInputs));
            } else if (part instanceof StaticSql.Source s) {
                sql.append(new RelationObject(sourceRelation(node, s.sourceName(), s.tableName()), emptyInputs));
            }
        }
        return Optional.of(new Rendered(sql.toString(), ctes));
    }

    private Rendered jinjaRender(Node node) {
        List<CompiledNode.Cte> ctes = new ArrayList<>();
        RenderTarget target = RenderTarget.of(node);
        Map<String, Object> configCalls = new java.util.LinkedHashMap<>();
        Context ctx = jinja.contexts().open(target, false, refs(node, ctes), configCalls, null, graph);
        String file = node.originalFilePath();
        if (node.testMetadata() != null) {
            ctx.set("_dbt_generic_test_kwargs", testKwargs(ctx, node));
        }
        try {
            String sql = (node.testMetadata() != null ? jinja.templates().shared(node.rawCode())
                    : jinja.templates().get(file, node.rawCode())).render(ctx);
            return new Rendered(sql, dedupe(ctes), configCalls);
        } catch (JinjaException e) {
            throw Templates.located(e, file);
        }
    }

    /** {@code ref} and {@code source} of a node's render: relations, with ephemeral models added to {@code ctes}. */
    private NodeContexts.Refs refs(Node node, List<CompiledNode.Cte> ctes) {
        return new NodeContexts.Refs() {
            @Override
            public Object ref(RefCall call) {
                return new RelationObject(refRelation(node, call, ctes), emptyInputs);
            }

            @Override
            public Object source(String sourceName, String tableName) {
                return new RelationObject(sourceRelation(node, sourceName, tableName), emptyInputs);
            }
        };
    }

    private Map<String, Object> testKwargs(Context ctx, Node node) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : node.testMetadata().kwargs().entrySet()) {
            kwargs.put(e.getKey(), renderKwarg(ctx, node, e.getValue()));
        }
        return kwargs;
    }

    private Object renderKwarg(Context ctx, Node node, Object value) {
        if (value instanceof String s) {
            String text = LOOKS_LIKE_FUNCTION.matcher(s).matches() ? "{{ " + s + " }}" : s;
            if (quarry.core.project.ValueRenderer.isPlain(text)) {
                return text;
            }
            return NativeRenderer.render(ctx, jinja.templates(), node.originalFilePath(), text);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                out.add(renderKwarg(ctx, node, item));
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), renderKwarg(ctx, node, v)));
            return out;
        }
        return value;
    }

    private Relation refRelation(Node from, RefCall call, List<CompiledNode.Cte> ctes) {
        Node target;
        try {
            target = resolver.resolveRef(from, call);
        } catch (ParseException e) {
            throw new CompilationException(e.location().orElse(SourceLocation.of(from.originalFilePath())),
                    e.getMessage().replaceFirst("^[^:]*(:\\d+)?: ", ""));
        }
        if (!from.dependsOnNodes().contains(target.uniqueId()) && from.resourceType() != ResourceType.OPERATION) {
            throw new CompilationException(SourceLocation.of(from.originalFilePath()), "dbt was unable to infer all"
                    + " dependencies for " + from.resourceType().dbtName() + " '" + from.name() + "': " + call
                    + " is only reached while executing; add '-- depends_on: {{ " + call + " }}' at the top of the file");
        }
        Relation elsewhere = deferred.get(target.uniqueId());
        if (elsewhere != null) {
            return elsewhere;
        }
        if (target.isEphemeral()) {
            Rendered inner = render(target);
            for (CompiledNode.Cte cte : inner.ctes()) {
                addOnce(ctes, cte);
            }
            String cteName = "__dbt__cte__" + target.alias();
            addOnce(ctes, new CompiledNode.Cte(target.uniqueId(), " " + cteName + " as (\n" + inner.sql() + "\n)"));
            return new Relation(null, null, cteName, RelationType.CTE, jinja.settings().relationStyle());
        }
        RelationType type = "view".equals(target.materialized()) ? RelationType.VIEW : RelationType.TABLE;
        return new Relation(target.database(), target.schema(), target.alias(), type, jinja.settings().relationStyle());
    }

    private Relation sourceRelation(Node from, String sourceName, String tableName) {
        SourceDefinition source;
        try {
            source = resolver.resolveSource(from, sourceName, tableName);
        } catch (ParseException e) {
            throw new CompilationException(e.location().orElse(SourceLocation.of(from.originalFilePath())),
                    e.getMessage().replaceFirst("^[^:]*(:\\d+)?: ", ""));
        }
        return new Relation(source.database(), source.schema(), source.identifier(), RelationType.TABLE,
                jinja.settings().relationStyle());
    }

    private static void addOnce(List<CompiledNode.Cte> ctes, CompiledNode.Cte cte) {
        for (CompiledNode.Cte c : ctes) {
            if (c.id().equals(cte.id())) {
                return;
            }
        }
        ctes.add(cte);
    }

    private static List<CompiledNode.Cte> dedupe(List<CompiledNode.Cte> ctes) {
        Set<String> seen = new LinkedHashSet<>();
        List<CompiledNode.Cte> out = new ArrayList<>();
        for (CompiledNode.Cte c : ctes) {
            if (seen.add(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A model's SQL for one of its unit tests: each {@code ref}, {@code source} and {@code this}
     * given as an input reads a CTE holding the input's fixture query ({@code inputs}, by the unique
     * id each input stands for; the model's own id for {@code this}); a seed not given is read as it
     * is; anything else not given is an error. Macro, var and env var overrides answer first, and
     * {@code is_incremental()} is false unless overridden.
     */
    public String compileUnitTest(Node model, Map<String, String> inputs, quarry.core.manifest.UnitTest.Overrides overrides) {
        List<CompiledNode.Cte> ctes = new ArrayList<>();
        SourceLocation at = SourceLocation.of(model.originalFilePath());
        NodeContexts.Refs refs = new NodeContexts.Refs() {
            @Override
            public Object ref(RefCall call) {
                Node target;
                try {
                    target = resolver.resolveRef(model, call);
                } catch (ParseException e) {
                    throw new CompilationException(e.location().orElse(at), e.getMessage().replaceFirst("^[^:]*(:\\d+)?: ", ""));
                }
                String sql = inputs.get(target.uniqueId());
                if (sql != null) {
                    return new RelationObject(fixtureCte(target.uniqueId(), target.name(), sql, ctes));
                }
                if (target.resourceType() == ResourceType.SEED) {
                    return new RelationObject(refRelation(model, call, ctes));
                }
                throw new CompilationException(at, "unit test of model '" + model.name() + "': " + call
                        + " is not given; add it under given: with its rows");
            }

            @Override
            public Object source(String sourceName, String tableName) {
                SourceDefinition source;
                try {
                    source = resolver.resolveSource(model, sourceName, tableName);
                } catch (ParseException e) {
                    throw new CompilationException(e.location().orElse(at), e.getMessage().replaceFirst("^[^:]*(:\\d+)?: ", ""));
                }
                String sql = inputs.get(source.uniqueId());
                if (sql == null) {
                    throw new CompilationException(at, "unit test of model '" + model.name() + "': source('" + sourceName
                            + "', '" + tableName + "') is not given; add it under given: with its rows");
                }
                return new RelationObject(fixtureCte(source.uniqueId(), sourceName + "__" + tableName, sql, ctes));
            }
        };
        Context ctx = jinja.contexts().open(RenderTarget.of(model), false, refs, null, null, graph);
        if (inputs.containsKey(model.uniqueId())) {
            ctx.set("this", new RelationObject(fixtureCte(model.uniqueId(), "this", inputs.get(model.uniqueId()), ctes)));
        }
        ctx.set("is_incremental", (quarry.core.jinja.JinjaCallable) args -> false);
        overrideMacros(ctx, overrides.macros());
        if (!overrides.vars().isEmpty()) {
            Object original = ctx.lookup("var");
            ctx.set("var", (quarry.core.jinja.JinjaCallable) args -> {
                String name = String.valueOf(args.require(0, "var_name", "var"));
                return overrides.vars().containsKey(name) ? overrides.vars().get(name) : ctx.call(original, args);
            });
        }
        if (!overrides.envVars().isEmpty()) {
            Object original = ctx.lookup("env_var");
            ctx.set("env_var", (quarry.core.jinja.JinjaCallable) args -> {
                String name = String.valueOf(args.require(0, "var", "env_var"));
                return overrides.envVars().containsKey(name) ? String.valueOf(overrides.envVars().get(name))
                        : ctx.call(original, args);
            });
        }
        try {
            String sql = jinja.templates().get(model.originalFilePath(), model.rawCode()).render(ctx);
            return CteInjector.inject(sql, dedupe(ctes));
        } catch (JinjaException e) {
            throw Templates.located(e, model.originalFilePath());
        }
    }

    /**
     * Macro overrides answer with their value: {@code is_incremental} by name, {@code dbt_utils.star}
     * through a namespace that answers for the overridden macros and delegates the rest.
     */
    private static void overrideMacros(Context ctx, Map<String, Object> macros) {
        Map<String, Map<String, Object>> byPackage = new LinkedHashMap<>();
        macros.forEach((name, value) -> {
            int dot = name.indexOf('.');
            if (dot < 0) {
                ctx.set(name, (quarry.core.jinja.JinjaCallable) args -> value);
            } else {
                byPackage.computeIfAbsent(name.substring(0, dot), p -> new LinkedHashMap<>()).put(name.substring(dot + 1), value);
            }
        });
        byPackage.forEach((pkg, overridden) -> {
            Object original = ctx.lookup(pkg);
            ctx.set(pkg, (quarry.core.jinja.JinjaObject) attribute -> overridden.containsKey(attribute)
                    ? (quarry.core.jinja.JinjaCallable) args -> overridden.get(attribute)
                    : original instanceof quarry.core.jinja.JinjaObject o ? o.attribute(attribute)
                    : quarry.core.jinja.Undefined.withHint("'" + pkg + "' has no macro named '" + attribute + "'"));
        });
    }

    private Relation fixtureCte(String id, String name, String sql, List<CompiledNode.Cte> ctes) {
        String cteName = "__dbt__cte__" + name;
        addOnce(ctes, new CompiledNode.Cte(id, " " + cteName + " as (\n" + sql + "\n)"));
        return new Relation(null, null, cteName, RelationType.CTE, jinja.settings().relationStyle());
    }

    /** Renders a hook of the node ({@code pre-hook}, {@code post-hook}) in the node's context: {@code this}, refs, config. */
    public String renderHook(Node node, String hook) {
        Rendered r = jinjaRender(node.toBuilder().rawCode(hook).build());
        return CteInjector.inject(r.sql(), r.ctes());
    }

    /** A node's render context at execute time, with its refs and sources resolved; for {@link JinjaMaterializations}. */
    Context executionContext(Node node) {
        return jinja.contexts().open(RenderTarget.of(node), false, refs(node, new ArrayList<>()), new LinkedHashMap<>(),
                null, graph);
    }

    JinjaBinding jinja() {
        return jinja;
    }

    /** Compiles SQL given on the command line ({@code --inline}) as a model of the root project. */
    public CompiledNode compileInline(String sql, List<RefCall> refs, List<String> dependsOn) {
        Node node = Node.builder(ResourceType.OPERATION, "sql_operation." + manifest.projectName() + ".inline_query")
                .packageName(manifest.projectName()).name("inline_query").path("inline_query.sql")
                .originalFilePath("inline_query.sql").fqn(List.of(manifest.projectName(), "inline_query"))
                .rawCode(sql).config(Map.of("materialized", "view")).refs(refs).dependsOnNodes(dependsOn).build();
        Rendered r = jinjaRender(node);
        return new CompiledNode(CteInjector.inject(r.sql(), r.ctes()), r.ctes(), null);
    }

    public Manifest manifest() {
        return manifest;
    }
}
