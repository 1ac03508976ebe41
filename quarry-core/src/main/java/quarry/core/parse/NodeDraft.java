package quarry.core.parse;

import java.util.List;
import java.util.Map;
import quarry.core.manifest.ResourceType;

/**
 * What is known about a node while it is parsed, as {@code generate_schema_name} and friends see it
 * in their {@code node} argument and as the parse-time Jinja context sees {@code model}.
 */
public record NodeDraft(ResourceType resourceType, String uniqueId, String packageName, String name,
        List<String> fqn, String path, String originalFilePath, Map<String, Object> config, String version,
        String rawCode) {

    public NodeDraft {
        fqn = List.copyOf(fqn);
    }
}
