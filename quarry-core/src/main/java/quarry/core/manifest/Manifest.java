package quarry.core.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed project: every node, source, macro, doc and exposure by unique id, and the disabled
 * ones apart. Built by the parser, read by the graph, the selector, the compiler and the artifacts.
 */
public record Manifest(
        String projectName,
        Map<String, Node> nodes,
        Map<String, SourceDefinition> sources,
        Map<String, Macro> macros,
        Map<String, DocBlock> docs,
        Map<String, Exposure> exposures,
        Map<String, Object> disabled,
        Map<String, Object> selectors) {

    public Manifest {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        docs = Collections.unmodifiableMap(new LinkedHashMap<>(docs));
        exposures = Collections.unmodifiableMap(new LinkedHashMap<>(exposures));
        disabled = Collections.unmodifiableMap(new LinkedHashMap<>(disabled));
        selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
    }

    public Optional<Node> node(String uniqueId) {
        return Optional.ofNullable(nodes.get(uniqueId));
    }

    /** A copy with one node replaced (compile fills in compiled fields this way). */
    public Manifest withNode(Node node) {
        Map<String, Node> copy = new LinkedHashMap<>(nodes);
        copy.put(node.uniqueId(), node);
        return new Manifest(projectName, copy, sources, macros, docs, exposures, disabled, selectors);
    }
}
