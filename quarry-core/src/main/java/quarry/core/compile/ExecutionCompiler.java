package quarry.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationStyle;
import quarry.core.adapter.RelationType;
import quarry.core.artifacts.CompiledNode;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.parse.ConfigRules;
import quarry.core.run.ExecutableNode;
import quarry.core.run.NodeCompiler;

/**
 * Compiles nodes for execution: the {@link Compiler}'s SQL (rendered with a live connection, so
 * {@code run_query} and {@code is_incremental()} ask the database), the node's relation, and its
 * rendered {@code pre-hook} and {@code post-hook} statements.
 */
public final class ExecutionCompiler implements NodeCompiler {

    private final Compiler compiler;
    private final AdapterConnection connection;
    private final RelationStyle style;
    private final boolean fullRefresh;

    public ExecutionCompiler(Compiler compiler, AdapterConnection connection, RelationStyle style, boolean fullRefresh) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.style = Objects.requireNonNull(style, "style");
        this.fullRefresh = fullRefresh;
    }

    @Override
    public ExecutableNode compile(Node node) {
        CompiledNode compiled = compiler.compile(node);
        RelationType type = "view".equals(node.materialized()) ? RelationType.VIEW : RelationType.TABLE;
        Relation relation = new Relation(node.database(), node.schema(), node.alias(), type, style);
        Map<String, Object> config = node.testMetadata() == null ? node.config()
                : withDefinitionConfig(node.config(), compiled.configCalls());
        return new ExecutableNode(node, relation, compiled.compiledCode(), config, hooks(node, "pre-hook"),
                hooks(node, "post-hook"), isIncremental(node));
    }

    /**
     * A generic test's config with what its definition's {@code config(...)} calls set (dbt_utils'
     * equal_rowcount sets {@code fail_calc}), for the keys the project and the properties left at
     * their defaults: those set there win, as in dbt.
     */
    private static Map<String, Object> withDefinitionConfig(Map<String, Object> config, Map<String, Object> calls) {
        if (calls.isEmpty()) {
            return config;
        }
        Map<String, Object> defaults = ConfigRules.defaults(ResourceType.TEST);
        Map<String, Object> merged = new java.util.LinkedHashMap<>(config);
        calls.forEach((key, value) -> {
            if (!merged.containsKey(key) || Objects.equals(merged.get(key), defaults.get(key))) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @Override
    public java.util.Optional<String> runMaterialization(ExecutableNode node, String materialization) {
        JinjaMaterializations jinja = new JinjaMaterializations(compiler);
        return jinja.find(materialization).map(macro -> jinja.run(node.node(), macro, node.sql(), node.preHooks(),
                node.postHooks()));
    }

    @Override
    public String compileUnitTest(Node model, Map<String, String> inputs, quarry.core.manifest.UnitTest.Overrides overrides) {
        return compiler.compileUnitTest(model, inputs, overrides);
    }

    /** Renders on-run-start or on-run-end hooks of the project, as operations of the root project. */
    public List<String> renderProjectHooks(List<String> hooks) {
        List<String> rendered = new ArrayList<>();
        for (String hook : hooks) {
            String sql = compiler.compileInline(hook, List.of(), List.of()).compiledCode();
            if (!sql.isBlank()) {
                rendered.add(sql);
            }
        }
        return rendered;
    }

    private List<String> hooks(Node node, String key) {
        Object configured = node.config().get(key);
        List<String> rendered = new ArrayList<>();
        if (configured instanceof List<?> list) {
            for (Object hook : list) {
                String sql = hook instanceof Map<?, ?> m ? String.valueOf(m.get("sql")) : String.valueOf(hook);
                String text = compiler.renderHook(node, sql);
                if (!text.isBlank()) {
                    rendered.add(text);
                }
            }
        } else if (configured instanceof String single && !single.isBlank()) {
            rendered.add(compiler.renderHook(node, single));
        }
        return rendered;
    }

    /** dbt's {@code is_incremental()}: an incremental model whose table exists, without a full refresh. */
    private boolean isIncremental(Node node) {
        if (!"incremental".equals(node.materialized())) {
            return false;
        }
        Object configured = node.config().get("full_refresh");
        boolean refresh = configured instanceof Boolean b ? b : fullRefresh;
        return !refresh && connection.getRelation(node.database(), node.schema(), node.alias())
                .map(Relation::isTable).orElse(false);
    }
}
