package quarry.core.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;

/** What selection methods look at, the same for nodes, sources and exposures. */
record Selectable(String uniqueId, ResourceType type, String packageName, String name, List<String> fqn,
        String originalFilePath, List<String> tags, Map<String, Object> config, Node node, SourceDefinition source) {

    static Selectable of(Node n) {
        return new Selectable(n.uniqueId(), n.resourceType(), n.packageName(), n.name(), n.fqn(), n.originalFilePath(),
                n.tags(), n.config(), n, null);
    }

    static Selectable of(SourceDefinition s) {
        List<String> tags = new ArrayList<>(s.tags());
        return new Selectable(s.uniqueId(), ResourceType.SOURCE, s.packageName(), s.name(), s.fqn(),
                s.originalFilePath(), tags, s.config(), null, s);
    }

    static Selectable of(Exposure e) {
        return new Selectable(e.uniqueId(), ResourceType.EXPOSURE, e.packageName(), e.name(), e.fqn(),
                e.originalFilePath(), e.tags(), e.config(), null, null);
    }
}
