package quarry.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import quarry.core.adapter.Relation;
import quarry.core.compile.ExecutionCompiler;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.run.ExecutableNode;
import quarry.core.run.NodeCompiler;
import quarry.core.run.NodeExecutor;
import quarry.core.select.Deferral;
import quarry.core.select.NodeSelector;
import quarry.core.select.PriorState;
import quarry.core.select.SelectionException;
import quarry.core.session.Session;

/**
 * {@code quarry clone --state DIR}: each selected model, seed and snapshot that the earlier run
 * built becomes, in this target, a view of that run's relation (Rockset cannot copy a collection
 * without reading it, so this is dbt's default clone: views), unless this target already has the
 * relation and {@code --full-refresh} is not given. docs/state.md.
 */
@Command(name = "clone", mixinStandardHelpOptions = true,
        description = "Make the selected nodes views of the relations of the --state run.")
final class CloneCommand extends ExecutionCommand {

    @Override
    String commandName() {
        return "clone";
    }

    @Override
    List<String> resourceTypes() {
        return List.of("model", "seed", "snapshot");
    }

    private PriorState state() {
        return selection.state.prior().orElseThrow(() -> new SelectionException(
                "quarry clone needs the run to clone from: give --state DIR (its target folder)"));
    }

    /** The selection, less ephemeral models and the nodes the earlier run did not build. */
    @Override
    Set<String> select(NodeSelector selector, Manifest manifest) {
        PriorState state = state();
        Set<String> out = new LinkedHashSet<>();
        for (String id : super.select(selector, manifest)) {
            Node node = manifest.nodes().get(id);
            if (node != null && Deferral.builtEarlier(state, node)) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    NodeCompiler nodeCompiler(ExecutionCompiler compiler, Session session) {
        PriorState state = state();
        return node -> {
            Relation from = Deferral.earlierRelation(state, node, session.relationStyle()).orElseThrow();
            Map<String, Object> config = new LinkedHashMap<>(node.config());
            config.put("materialized", NodeExecutor.CLONE);
            Relation target = new Relation(node.database(), node.schema(), node.alias(), from.type(),
                    session.relationStyle());
            return new ExecutableNode(node, target, "SELECT * FROM " + from.render(), config, List.of(), List.of(),
                    false);
        };
    }
}
