package quarry.core.parse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quarry.core.Diagnostics;
import quarry.core.manifest.ResourceType;
import quarry.core.project.DbtProject;
import quarry.core.project.DeferredValue;
import quarry.core.project.ValueRenderer;
import quarry.core.project.ProjectSet;

/**
 * Resolves a node's config in dbt's order: the type's defaults, the package's own
 * {@code dbt_project.yml} tree, the root project's tree, the properties YAML, then {@code config()}
 * in the file.
 */
public final class ConfigResolver {

    private final ProjectSet projects;
    private final Map<String, ProjectConfigTree> trees = new HashMap<>();
    private final Map<Layers, Map<String, Object>> layered = new java.util.concurrent.ConcurrentHashMap<>();

    public ConfigResolver(ProjectSet projects, Diagnostics diagnostics) {
        this(projects, diagnostics, (text, where) -> {
            throw new ParseException(where, "cannot render '" + text + "' here");
        });
    }

    /** With {@code renderer} for the tree values dbt_project.yml left to render with the target ({@link DeferredValue}). */
    public ConfigResolver(ProjectSet projects, Diagnostics diagnostics, ValueRenderer renderer) {
        this.projects = projects;
        for (DbtProject project : projects.all()) {
            for (ResourceType type : List.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT,
                    ResourceType.TEST, ResourceType.ANALYSIS, ResourceType.SOURCE, ResourceType.EXPOSURE)) {
                String key = treeKey(type);
                Map<String, Object> tree = project.configTree(key);
                if (holdsDeferred(tree)) {
                    tree = rendered(tree, renderer);
                }
                if (!tree.isEmpty()) {
                    trees.put(project.name() + "/" + key,
                            new ProjectConfigTree(tree, type, key, project == projects.root() ? diagnostics : new Diagnostics()));
                }
            }
        }
    }

    private static boolean holdsDeferred(Object value) {
        return value instanceof DeferredValue
                || value instanceof Map<?, ?> m && m.values().stream().anyMatch(ConfigResolver::holdsDeferred)
                || value instanceof List<?> l && l.stream().anyMatch(ConfigResolver::holdsDeferred);
    }

    @SuppressWarnings("unchecked")
    private static <T> T rendered(T value, ValueRenderer renderer) {
        if (value instanceof DeferredValue d) {
            return (T) renderer.render(d.text(), d.where());
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, rendered(v, renderer)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            return (T) l.stream().map(v -> rendered(v, renderer)).toList();
        }
        return value;
    }

    static String treeKey(ResourceType type) {
        return switch (type) {
            case MODEL -> "models";
            case SEED -> "seeds";
            case SNAPSHOT -> "snapshots";
            case TEST -> "data_tests";
            case ANALYSIS -> "analyses";
            case SOURCE -> "sources";
            case EXPOSURE -> "exposures";
            default -> type.dbtName();
        };
    }

    /**
     * Defaults plus the project trees for a node of this package and FQN: an unmodifiable map
     * shared by every node the same tree levels apply to (most nodes of a folder), merged once.
     */
    public Map<String, Object> projectLayers(ResourceType type, String packageName, List<String> fqn) {
        String key = treeKey(type);
        Map<String, Object> own = null;
        if (!packageName.equals(projects.root().name())) {
            ProjectConfigTree tree = trees.get(packageName + "/" + key);
            own = tree == null ? null : tree.layerFor(fqn);
        }
        ProjectConfigTree rootTree = trees.get(projects.root().name() + "/" + key);
        Map<String, Object> root = rootTree == null ? null : rootTree.layerFor(fqn);
        return layered.computeIfAbsent(new Layers(type, own, root), layers -> {
            Map<String, Object> config = ConfigRules.defaults(type);
            if (layers.own() != null) {
                ConfigRules.mergeInto(config, layers.own());
            }
            if (layers.root() != null) {
                ConfigRules.mergeInto(config, layers.root());
            }
            return java.util.Collections.unmodifiableMap(config);
        });
    }

    /**
     * The tree levels that apply to a node, by identity: {@link ProjectConfigTree#layerFor} gives
     * one instance per FQN prefix it matched.
     */
    private record Layers(ResourceType type, Map<String, Object> own, Map<String, Object> root) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Layers l && l.type == type && l.own == own && l.root == root;
        }

        @Override
        public int hashCode() {
            return (type.hashCode() * 31 + System.identityHashCode(own)) * 31 + System.identityHashCode(root);
        }
    }

    /** Merges the layers above the project trees, each possibly empty. */
    @SafeVarargs
    public static Map<String, Object> over(Map<String, Object> base, Map<String, Object>... layers) {
        Map<String, Object> config = new LinkedHashMap<>(base);
        for (Map<String, Object> layer : layers) {
            if (layer != null) {
                ConfigRules.mergeInto(config, layer);
            }
        }
        return config;
    }
}
