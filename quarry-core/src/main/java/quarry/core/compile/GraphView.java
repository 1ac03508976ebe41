package quarry.core.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.SourceDefinition;

/** dbt's {@code graph} variable, built on first use and then shared: nodes, sources and exposures as dicts. */
final class GraphView implements Supplier<Map<String, Object>> {

    private final Manifest manifest;
    private volatile Map<String, Object> graph;

    GraphView(Manifest manifest) {
        this.manifest = manifest;
    }

    @Override
    public Map<String, Object> get() {
        Map<String, Object> g = graph;
        if (g == null) {
            synchronized (this) {
                g = graph;
                if (g == null) {
                    g = build();
                    graph = g;
                }
            }
        }
        return g;
    }

    private Map<String, Object> build() {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            nodes.put(n.uniqueId(), RenderTarget.of(n).asDict());
        }
        Map<String, Object> sources = new LinkedHashMap<>();
        for (SourceDefinition s : manifest.sources().values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("unique_id", s.uniqueId());
            d.put("name", s.name());
            d.put("source_name", s.sourceName());
            d.put("resource_type", "source");
            d.put("package_name", s.packageName());
            d.put("database", s.database());
            d.put("schema", s.schema());
            d.put("identifier", s.identifier());
            d.put("config", s.config());
            d.put("tags", s.tags());
            d.put("meta", s.meta());
            d.put("fqn", s.fqn());
            sources.put(s.uniqueId(), d);
        }
        Map<String, Object> exposures = new LinkedHashMap<>();
        manifest.exposures().forEach((id, e) -> exposures.put(id, Map.of("unique_id", id, "name", e.name(),
                "resource_type", "exposure", "depends_on", Map.of("nodes", e.dependsOnNodes()))));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("nodes", nodes);
        g.put("sources", sources);
        g.put("exposures", exposures);
        g.put("metrics", Map.of());
        g.put("groups", Map.of());
        g.put("semantic_models", Map.of());
        g.put("saved_queries", Map.of());
        return g;
    }
}
