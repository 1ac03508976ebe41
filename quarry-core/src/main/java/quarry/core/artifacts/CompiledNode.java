package quarry.core.artifacts;

import java.util.List;

/** A node's compiled SQL and the ephemeral CTEs it was given, as manifest.json records them after compile. */
public record CompiledNode(String compiledCode, List<Cte> extraCtes, String compiledPath) {
    public CompiledNode {
        extraCtes = List.copyOf(extraCtes);
    }

    /** One injected ephemeral model: its unique id and the CTE text. */
    public record Cte(String id, String sql) {}
}
