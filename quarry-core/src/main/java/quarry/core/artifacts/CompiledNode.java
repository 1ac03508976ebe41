package quarry.core.artifacts;

import java.util.List;
import java.util.Map;

/**
 * A node's compiled SQL and the ephemeral CTEs it was given, as manifest.json records them after
 * compile, and the {@code config(...)} calls its rendering made (a generic test's definition sets
 * defaults such as {@code fail_calc} that way).
 */
public record CompiledNode(String compiledCode, List<Cte> extraCtes, String compiledPath, Map<String, Object> configCalls) {
    public CompiledNode {
        extraCtes = List.copyOf(extraCtes);
        configCalls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configCalls));
    }

    public CompiledNode(String compiledCode, List<Cte> extraCtes, String compiledPath) {
        this(compiledCode, extraCtes, compiledPath, Map.of());
    }

    /** One injected ephemeral model: its unique id and the CTE text. */
    public record Cte(String id, String sql) {}
}
