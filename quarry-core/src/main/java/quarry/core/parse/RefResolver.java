package quarry.core.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.manifest.Node;
import quarry.core.manifest.RefCall;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;

/**
 * Resolves {@code ref()} and {@code source()} to unique ids as dbt does: an unqualified ref looks in
 * the root project, then the referring node's package, then anywhere; a ref without a version of a
 * versioned model means its latest version. A missing target is an error naming the closest name; a
 * disabled one is an error naming it.
 */
public final class RefResolver {

    private final String rootProject;
    private final Map<String, List<Node>> byName = new HashMap<>();
    private final Map<String, List<Node>> disabledByName = new HashMap<>();
    private final Map<String, SourceDefinition> sources = new HashMap<>();
    private final Set<String> disabledSources = new java.util.HashSet<>();

    public RefResolver(String rootProject, Collection<Node> enabled, Collection<Node> disabled,
            Collection<SourceDefinition> enabledSources, Collection<SourceDefinition> disabledSourceList) {
        this.rootProject = rootProject;
        for (Node n : enabled) {
            if (isRefable(n)) {
                byName.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n);
            }
        }
        for (Node n : disabled) {
            if (isRefable(n)) {
                disabledByName.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n);
            }
        }
        for (SourceDefinition s : enabledSources) {
            sources.put(s.packageName() + "/" + s.sourceName() + "/" + s.name(), s);
        }
        for (SourceDefinition s : disabledSourceList) {
            disabledSources.add(s.sourceName() + "/" + s.name());
        }
    }

    static boolean isRefable(Node n) {
        return n.resourceType() == ResourceType.MODEL || n.resourceType() == ResourceType.SEED
                || n.resourceType() == ResourceType.SNAPSHOT;
    }

    public Node resolveRef(Node from, RefCall ref) {
        Node found = find(byName.get(ref.name()), ref, from.packageName());
        if (found != null) {
            return found;
        }
        SourceLocation where = locate(from, "'" + ref.name() + "'");
        Node off = find(disabledByName.get(ref.name()), ref, from.packageName());
        if (off != null) {
            throw new ParseException(where, from.resourceType().dbtName() + " '" + from.name() + "' depends on "
                    + ref + ", but " + off.resourceType().dbtName() + " '" + off.name() + "' is disabled");
        }
        if (ref.version() != null && byName.containsKey(ref.name())) {
            throw new ParseException(where, ref + " not found: '" + ref.name() + "' has no version " + ref.version());
        }
        throw new ParseException(where, ref + " not found" + Suggestions.didYouMean(ref.name(), byName.keySet()));
    }

    private Node find(List<Node> candidates, RefCall ref, String nodePackage) {
        if (candidates == null) {
            return null;
        }
        List<String> packages = new ArrayList<>();
        if (ref.packageName() != null) {
            packages.add(ref.packageName());
        } else {
            packages.add(rootProject);
            packages.add(nodePackage);
            packages.add(null);
        }
        for (String pkg : new LinkedHashSet<>(packages)) {
            Node best = null;
            for (Node n : candidates) {
                if (pkg != null && !pkg.equals(n.packageName())) {
                    continue;
                }
                if (ref.version() != null) {
                    if (ref.version().equals(n.version())) {
                        return n;
                    }
                } else if (best == null || n.version() != null && best.version() != null
                        && PropertiesParser.compareVersions(n.version(), best.version()) > 0) {
                    best = n;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    public SourceDefinition resolveSource(Node from, String sourceName, String tableName) {
        SourceDefinition same = sources.get(from.packageName() + "/" + sourceName + "/" + tableName);
        if (same != null) {
            return same;
        }
        for (SourceDefinition s : sources.values()) {
            if (s.sourceName().equals(sourceName) && s.name().equals(tableName)) {
                return s;
            }
        }
        SourceLocation where = locate(from, "'" + tableName + "'");
        String call = "source('" + sourceName + "', '" + tableName + "')";
        if (disabledSources.contains(sourceName + "/" + tableName)) {
            throw new ParseException(where, call + " points to a disabled source table");
        }
        List<String> names = sources.values().stream().map(s -> s.sourceName() + "." + s.name()).toList();
        String hint = Suggestions.closest(sourceName + "." + tableName, names)
                .map(c -> "; did you mean source('" + c.replace(".", "', '") + "')?").orElse("");
        throw new ParseException(where, call + " not found" + hint);
    }

    /** The file and line where a node mentions some text (its ref), or the file alone. */
    static SourceLocation locate(Node node, String needle) {
        String file = node.originalFilePath();
        String code = node.rawCode();
        int at = code == null ? -1 : code.indexOf(needle);
        if (node.testMetadata() != null || at < 0) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, TopLevelBlocks.lineAt(code, at));
    }
}
