package quarry.core.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.manifest.ResourceType;
import quarry.core.project.YamlMap;

/**
 * One resource tree of {@code dbt_project.yml} ({@code models:}, {@code seeds:}, ...) read as dbt
 * does: a {@code +key} is always a config, a bare key is a config when dbt knows it, anything else
 * is a folder (or node name) of the FQN. The layer for a node merges every level from the top
 * down, so the most specific path wins.
 */
public final class ProjectConfigTree {

    private final Map<String, Object> tree;
    private final ResourceType type;
    private final Set<String> knownKeys;
    private final Map<List<String>, Map<String, Object>> cache = new ConcurrentHashMap<>();

    public ProjectConfigTree(Map<String, Object> tree, ResourceType type, String treeName, Diagnostics diagnostics) {
        this.tree = tree;
        this.type = type;
        this.knownKeys = ConfigRules.knownKeys(type);
        warnUnknown(tree, treeName, diagnostics, 0);
    }

    private void warnUnknown(Map<String, Object> level, String treeName, Diagnostics diagnostics, int depth) {
        for (Map.Entry<String, Object> e : level.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("+")) {
                String bare = key.substring(1);
                if (!knownKeys.contains(bare)) {
                    diagnostics.warn(new SourceLocation("dbt_project.yml", YamlMap.lineOf(level, key)),
                            "unknown config '" + key + "' under " + treeName
                                    + Suggestions.closest(bare, knownKeys).map(c -> "; did you mean '+" + c + "'?").orElse(""));
                }
            } else if (!knownKeys.contains(key) && e.getValue() instanceof Map<?, ?> child) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) child;
                warnUnknown(c, treeName, diagnostics, depth + 1);
            } else if (!knownKeys.contains(key)) {
                diagnostics.warn(new SourceLocation("dbt_project.yml", YamlMap.lineOf(level, key)),
                        "unknown config '" + key + "' under " + treeName + Suggestions.didYouMean(key, knownKeys));
            }
        }
    }

    /** The merged config of every level that the node's FQN passes through (cached by the levels passed). */
    public Map<String, Object> layerFor(List<String> fqn) {
        int depth = 0;
        Map<String, Object> level = tree;
        while (depth < fqn.size()) {
            Object next = level.get(fqn.get(depth));
            if (!(next instanceof Map<?, ?> m) || knownKeys.contains(fqn.get(depth))) {
                break;
            }
            level = cast(m);
            depth++;
        }
        List<String> key = List.copyOf(fqn.subList(0, depth));
        Map<String, Object> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        level = tree;
        ConfigRules.mergeInto(merged, configsAt(level));
        for (int i = 0; i < depth; i++) {
            level = cast((Map<?, ?>) level.get(fqn.get(i)));
            ConfigRules.mergeInto(merged, configsAt(level));
        }
        Map<String, Object> frozen = java.util.Collections.unmodifiableMap(merged);
        cache.put(key, frozen);
        return frozen;
    }

    private Map<String, Object> configsAt(Map<String, Object> level) {
        Map<String, Object> configs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : level.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("+")) {
                configs.put(key.substring(1), e.getValue());
            } else if (knownKeys.contains(key)) {
                configs.put(key, e.getValue());
            }
        }
        return configs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    public ResourceType type() {
        return type;
    }
}
