package quarry.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Relation;
import quarry.core.graph.Dag;
import quarry.core.manifest.Manifest;
import quarry.core.select.Deferral;
import quarry.core.select.NodeSelector;
import quarry.core.select.PriorState;
import quarry.core.select.SelectionException;
import quarry.core.select.Selectors;
import quarry.core.session.Session;

/**
 * dbt's state flags: {@code --state} (the artifacts of an earlier run, for the {@code state:}
 * and {@code result:} selection methods), and {@code --defer}, {@code --defer-state},
 * {@code --favor-state} (refs to nodes this invocation does not build read that run's relations).
 * Each also comes from its {@code DBT_} environment variable (docs/state.md).
 */
final class StateOptions {

    @Option(names = "--state", paramLabel = "DIR",
            description = "The target folder of an earlier run, for state: and result: selectors and --defer.")
    Path state;

    @Option(names = "--defer", negatable = true, fallbackValue = "true",
            description = "Refs to nodes not built by this command read the relations of the --state run.")
    boolean defer;

    @Option(names = "--defer-state", paramLabel = "DIR",
            description = "The earlier run to defer to, when not the --state one.")
    Path deferState;

    @Option(names = "--favor-state", negatable = true,
            fallbackValue = "true", description = "With --defer, read the earlier run's relations even where this target has its own.")
    boolean favorState;

    private Optional<PriorState> loaded;

    /**
     * Reads the --state artifacts once; call it before this invocation writes its own, so that
     * {@code --state target} means the run before this one.
     */
    void load(Session session) {
        if (loaded == null) {
            loaded = Optional.ofNullable(state).map(dir -> PriorState.read(resolve(dir), session.targetDir()));
        }
    }

    /** The --state artifacts, when given (after {@link #load}). */
    Optional<PriorState> prior() {
        return loaded == null ? Optional.empty() : loaded;
    }

    /** The node selector of this project, with the --state artifacts when given. */
    NodeSelector selector(Session session, Manifest manifest, Dag dag) {
        load(session);
        return new NodeSelector(manifest, dag, Selectors.load(session.root().root()), loaded);
    }

    /** With --defer, the relations refs to unselected nodes resolve to; otherwise none. */
    Map<String, Relation> deferred(Session session, Manifest manifest, Set<String> selected,
            AdapterConnection connection) {
        if (!defer) {
            return Map.of();
        }
        load(session);
        PriorState from = deferState != null ? PriorState.read(resolve(deferState))
                : loaded.orElseThrow(() -> new SelectionException("--defer needs the earlier run to defer to: give"
                        + " --state DIR or --defer-state DIR"));
        return Deferral.relations(from, manifest, selected, favorState, connection, session.relationStyle());
    }

    private static Path resolve(Path dir) {
        return dir.isAbsolute() ? dir : Path.of("").toAbsolutePath().resolve(dir).normalize();
    }
}
