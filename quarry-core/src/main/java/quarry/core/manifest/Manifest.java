package quarry.core.manifest;

import java.util.Map;
import java.util.Optional;

/**
 * The parsed project: every node, source, macro, doc and exposure by unique id, and the disabled
 * ones apart, and the unit tests (dbt 1.8+). Built by the parser, read by the graph, the selector,
 * the compiler and the artifacts.
 */
public record Manifest(
        String projectName,
        Map<String, Node> nodes,
        Map<String, SourceDefinition> sources,
        Map<String, Macro> macros,
        Map<String, DocBlock> docs,
        Map<String, Exposure> exposures,
        Map<String, Object> disabled,
        Map<String, Object> selectors,
        Map<String, UnitTest> unitTests) {

    /** A manifest without unit tests. */
    public Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDefinition> sources,
            Map<String, Macro> macros, Map<String, DocBlock> docs, Map<String, Exposure> exposures,
            Map<String, Object> disabled, Map<String, Object> selectors) {
        this(projectName, nodes, sources, macros, docs, exposures, disabled, selectors, Map.of());
    }

    public Manifest {
        nodes = Frozen.map(nodes);
        sources = Frozen.map(sources);
        macros = Frozen.map(macros);
        docs = Frozen.map(docs);
        exposures = Frozen.map(exposures);
        disabled = Frozen.map(disabled);
        selectors = Frozen.map(selectors);
        unitTests = Frozen.map(unitTests);
    }

    /** A node by unique id; a unit test's id answers with the unit test seen as a node ({@link UnitTest#asNode()}). */
    public Optional<Node> node(String uniqueId) {
        Node node = nodes.get(uniqueId);
        if (node != null) {
            return Optional.of(node);
        }
        UnitTest unitTest = unitTests.get(uniqueId);
        return unitTest == null ? Optional.empty() : Optional.of(unitTest.asNode());
    }

    public Optional<UnitTest> unitTest(String uniqueId) {
        return Optional.ofNullable(unitTests.get(uniqueId));
    }
}
