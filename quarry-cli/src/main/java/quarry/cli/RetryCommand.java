package quarry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import quarry.core.manifest.Manifest;
import quarry.core.project.ProjectException;
import quarry.core.SourceLocation;
import quarry.core.select.NodeSelector;
import quarry.core.session.Session;

/**
 * {@code quarry retry}: re-runs, with the command of the previous invocation ({@code args.which} of
 * target/run_results.json) and its full-refresh flag, the nodes that errored, failed or were
 * skipped there. Its own run_results.json records that command again, so a second retry picks up
 * where this one stopped.
 */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Re-run the nodes that failed or were skipped in the last run.")
final class RetryCommand extends ExecutionCommand {

    private static final Set<String> RETRIED = Set.of("error", "fail", "skipped", "runtime error", "partial success");
    private static final ObjectMapper JSON = new ObjectMapper();

    private String previousCommand = "build";
    private final Set<String> toRetry = new LinkedHashSet<>();

    @Override
    String commandName() {
        return "retry";
    }

    @Override
    String which() {
        return previousCommand;
    }

    @Override
    List<String> resourceTypes() {
        return switch (previousCommand) {
            case "run" -> List.of("model");
            case "seed" -> List.of("seed");
            case "test" -> List.of("test");
            case "snapshot" -> List.of("snapshot");
            default -> List.of("model", "seed", "snapshot", "test");
        };
    }

    @Override
    int run(Session session) {
        Path file = session.targetDir().resolve("run_results.json");
        if (!Files.isRegularFile(file)) {
            throw new ProjectException(SourceLocation.of(session.root().root().relativize(file).toString()),
                    "Could not find previous run in '" + session.root().root().relativize(session.targetDir())
                            + "' target directory: run a command first, then retry it");
        }
        JsonNode previous;
        try {
            previous = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ProjectException(SourceLocation.of(file.toString()), "cannot read run_results.json: "
                    + e.getMessage());
        }
        previousCommand = previous.path("args").path("which").asText("build");
        if (!Set.of("run", "seed", "test", "snapshot", "build").contains(previousCommand)) {
            throw new ProjectException(SourceLocation.of(file.toString()), "the previous command was '"
                    + previousCommand + "'; quarry retry re-runs run, seed, test, snapshot and build");
        }
        fullRefresh = fullRefresh || previous.path("args").path("full_refresh").asBoolean(false);
        for (JsonNode result : previous.path("results")) {
            if (RETRIED.contains(result.path("status").asText())) {
                toRetry.add(result.path("unique_id").asText());
            }
        }
        console.info("Retrying " + toRetry.size() + " node" + (toRetry.size() == 1 ? "" : "s") + " of the last '"
                + previousCommand + "'");
        return super.run(session);
    }

    @Override
    Set<String> select(NodeSelector selector, Manifest manifest) {
        Set<String> known = new LinkedHashSet<>(toRetry);
        known.removeIf(id -> manifest.node(id).isEmpty());
        return known;
    }
}
