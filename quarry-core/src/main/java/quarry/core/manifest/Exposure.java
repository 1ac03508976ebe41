package quarry.core.manifest;

import java.util.List;
import java.util.Map;

/** An exposure (a dashboard, notebook or application that uses the project's nodes), from properties YAML. */
public record Exposure(String uniqueId, String packageName, String name, String type, String label, String maturity,
        String url, String description, Map<String, Object> owner, List<RefCall> refs, List<List<String>> sources,
        List<String> dependsOnNodes, List<String> tags, Map<String, Object> meta, Map<String, Object> config,
        List<String> fqn, String path, String originalFilePath) {

    public Exposure {
        refs = List.copyOf(refs);
        sources = sources.stream().map(List::copyOf).toList();
        dependsOnNodes = List.copyOf(dependsOnNodes);
        tags = List.copyOf(tags);
        fqn = List.copyOf(fqn);
    }
}
