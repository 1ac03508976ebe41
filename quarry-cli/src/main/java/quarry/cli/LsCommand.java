package quarry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.SourceDefinition;
import quarry.core.select.NodeSelector;
import quarry.core.select.SelectionException;
import quarry.core.session.ParseResult;
import quarry.core.session.Session;

/** {@code quarry ls}: lists the selected resources as selectors, names, paths or JSON. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List the resources of the project.")
final class LsCommand extends ProjectCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    ResourceTypeOptions types = new ResourceTypeOptions();

    /** Every resource type ls can list (dbt's names). */
    private static final List<String> LISTABLE = java.util.Arrays.stream(ResourceType.values())
            .map(ResourceType::dbtName).toList();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "selector",
            description = "selector (default), name, path or json.")
    String output;

    @Option(names = "--output-keys", arity = "1..*", paramLabel = "KEY", description = "Keys of --output json.")
    List<String> outputKeys = new ArrayList<>();

    @Override
    String commandName() {
        return "list";
    }

    @Override
    boolean printHeader() {
        return false;
    }

    @Override
    int run(Session session) throws JsonProcessingException {
        if (!List.of("selector", "name", "path", "json").contains(output)) {
            throw new SelectionException("--output must be selector, name, path or json, not '" + output + "'");
        }
        selection.state.load(session);
        ParseResult result = Parsing.parse(session, console);
        reportWarnings(session);
        Manifest manifest = result.manifest();
        NodeSelector selector = selection.state.selector(session, manifest, result.dag());
        Set<String> ids = selector.onlyTypes(selection.select(selector),
                types.narrow(LISTABLE));
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            String line = line(manifest, id);
            if (line != null) {
                lines.add(line);
            }
        }
        java.util.Collections.sort(lines);
        if (lines.isEmpty()) {
            console.warn("No nodes selected!");
        }
        for (String line : lines) {
            console.result(line);
        }
        return ExitCode.SUCCESS;
    }

    private String line(Manifest manifest, String id) throws JsonProcessingException {
        Node n = manifest.node(id).orElse(null);
        SourceDefinition s = manifest.sources().get(id);
        Exposure e = manifest.exposures().get(id);
        return switch (output) {
            case "name" -> n != null ? n.name() : s != null ? s.sourceName() + "." + s.name() : e != null ? e.name() : null;
            case "path" -> n != null ? n.originalFilePath() : s != null ? s.originalFilePath() : e != null ? e.originalFilePath() : null;
            case "json" -> JSON.writeValueAsString(json(n, s, e));
            default -> n != null ? (n.resourceType() == ResourceType.UNIT_TEST ? "unit_test:" : "") + String.join(".", n.fqn())
                    : s != null ? "source:" + String.join(".", s.packageName(), s.sourceName(), s.name())
                    : e != null ? "exposure:" + e.packageName() + "." + e.name() : null;
        };
    }

    private Map<String, Object> json(Node n, SourceDefinition s, Exposure e) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (n != null) {
            all.put("name", n.name());
            all.put("resource_type", n.resourceType().dbtName());
            all.put("package_name", n.packageName());
            all.put("original_file_path", n.originalFilePath());
            all.put("unique_id", n.uniqueId());
            all.put("alias", n.alias());
            all.put("config", n.config());
            all.put("tags", n.tags());
            all.put("depends_on", Map.of("macros", n.dependsOnMacros(), "nodes", n.dependsOnNodes()));
            all.put("fqn", n.fqn());
        } else if (s != null) {
            all.put("name", s.name());
            all.put("resource_type", "source");
            all.put("package_name", s.packageName());
            all.put("original_file_path", s.originalFilePath());
            all.put("unique_id", s.uniqueId());
            all.put("source_name", s.sourceName());
            all.put("config", s.config());
            all.put("tags", s.tags());
            all.put("fqn", s.fqn());
        } else {
            all.put("name", e.name());
            all.put("resource_type", "exposure");
            all.put("package_name", e.packageName());
            all.put("original_file_path", e.originalFilePath());
            all.put("unique_id", e.uniqueId());
            all.put("config", e.config());
            all.put("tags", e.tags());
            all.put("depends_on", Map.of("nodes", e.dependsOnNodes()));
            all.put("fqn", e.fqn());
        }
        if (outputKeys.isEmpty()) {
            return all;
        }
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String key : outputKeys) {
            for (String k : key.split("[,\\s]+")) {
                if (all.containsKey(k)) {
                    picked.put(k, all.get(k));
                }
            }
        }
        return picked;
    }
}
