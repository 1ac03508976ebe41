package quarry.core.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import quarry.core.adapter.Relation;
import quarry.core.manifest.Node;

/**
 * A node compiled at execute time, ready to run: its relation, its SQL (a model's SELECT with
 * ephemeral CTEs inlined, a test's query, a snapshot's SELECT), its rendered config, its rendered
 * pre- and post-hooks, and whether its {@code is_incremental()} was true.
 */
public record ExecutableNode(
        Node node,
        Relation relation,
        String sql,
        Map<String, Object> config,
        List<String> preHooks,
        List<String> postHooks,
        boolean incremental) {

    public ExecutableNode {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(relation, "relation");
        sql = sql == null ? "" : sql;
        config = config == null ? node.config() : config;
        preHooks = List.copyOf(preHooks);
        postHooks = List.copyOf(postHooks);
    }

    public String materialized() {
        Object configured = config.get("materialized");
        return configured == null ? node.materialized() : String.valueOf(configured);
    }
}
