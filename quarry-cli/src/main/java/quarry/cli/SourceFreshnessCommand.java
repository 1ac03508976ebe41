package quarry.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.artifacts.RunResultsWriter;
import quarry.core.artifacts.SourcesWriter;
import quarry.core.manifest.SourceDefinition;
import quarry.core.project.ProjectException;
import quarry.core.run.FreshnessCheck;
import quarry.core.run.ProgressLine;
import quarry.core.run.RunSummary;
import quarry.core.session.DbtVersion;
import quarry.core.session.Session;

/**
 * {@code quarry source freshness}: for each selected source table with a {@code loaded_at_field}
 * and a {@code freshness} block, reads {@code max(loaded_at_field)} and the database's clock through
 * the adapter and judges the age against {@code warn_after} and {@code error_after}. Prints dbt's
 * lines, writes target/sources.json (v3); exit code 1 when a source is stale past
 * {@code error_after} or its query fails.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true, description = "Check the freshness of sources.")
final class SourceFreshnessCommand extends ProjectCommand {

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Where to write sources.json (default target/sources.json).")
    java.nio.file.Path output;

    @Override
    String commandName() {
        return "freshness";
    }

    @Override
    int run(Session session) throws IOException {
        Instant started = Instant.now();
        selection.state.load(session);
        try (LiveProject live = new LiveProject(session, console, "freshness", Map.of())) {
            reportWarnings(session);
            Set<String> selected = selection.select.isEmpty() && selection.exclude.isEmpty() && selection.selector == null
                    ? live.manifest().sources().keySet()
                    : selection.select(selection.state.selector(session, live.manifest(), live.parsed().dag()));
            Map<SourceDefinition, FreshnessCheck> checks = new LinkedHashMap<>();
            for (SourceDefinition source : live.manifest().sources().values()) {
                if (!selected.contains(source.uniqueId()) || !source.enabled()) {
                    continue;
                }
                try {
                    FreshnessCheck.of(source.loadedAtField(), source.freshness()).ifPresent(c -> checks.put(source, c));
                } catch (IllegalArgumentException e) {
                    throw new ProjectException(quarry.core.SourceLocation.of(source.originalFilePath()),
                            "source " + source.sourceName() + "." + source.name() + ": " + e.getMessage());
                }
            }
            if (checks.isEmpty()) {
                console.warn("Nothing to do. Try checking your model configs and model specification args");
                return ExitCode.SUCCESS;
            }
            String now = live.compiler().compileInline("{{ current_timestamp() }}", List.of(), List.of()).compiledCode().strip();
            console.info("Concurrency: 1 threads (target='" + session.target().name() + "')");
            console.info("");
            List<SourcesWriter.Result> results = new ArrayList<>();
            int index = 0;
            int pass = 0;
            int warn = 0;
            int error = 0;
            for (Map.Entry<SourceDefinition, FreshnessCheck> entry : checks.entrySet()) {
                index++;
                SourceDefinition source = entry.getKey();
                String label = "freshness of " + source.sourceName() + "." + source.name();
                console.info(ProgressLine.format(index, checks.size(), "START " + label, "RUN", ProgressLine.DEFAULT_WIDTH));
                Instant start = Instant.now();
                Relation relation = new Relation(source.database(), source.schema(), source.identifier(), RelationType.TABLE,
                        session.relationStyle());
                SourcesWriter.Result result;
                String shown;
                try {
                    QueryResult rows = live.connection().execute(entry.getValue().sql(relation.render(), now), true);
                    List<Object> row = rows.rows().isEmpty() ? java.util.Arrays.asList(null, null) : rows.rows().get(0);
                    Optional<Instant> snapshotted = FreshnessCheck.instant(row.get(1));
                    Optional<Instant> loaded = FreshnessCheck.instant(row.get(0));
                    FreshnessCheck.Status status = loaded.isEmpty() || snapshotted.isEmpty() ? FreshnessCheck.Status.ERROR
                            : entry.getValue().judge(loaded.get(), snapshotted.get());
                    result = new SourcesWriter.Result(source.uniqueId(), status.wireName(), loaded, snapshotted,
                            entry.getValue().criteria(), Optional.empty(), start, Instant.now(), "Thread-1");
                    shown = switch (status) {
                        case PASS -> "PASS";
                        case WARN -> "WARN";
                        case ERROR -> "ERROR STALE";
                    };
                    switch (status) {
                        case PASS -> pass++;
                        case WARN -> warn++;
                        case ERROR -> error++;
                    }
                } catch (RuntimeException e) {
                    result = new SourcesWriter.Result(source.uniqueId(), "runtime error", Optional.empty(), Optional.empty(),
                            entry.getValue().criteria(), Optional.of(String.valueOf(e.getMessage())), start, Instant.now(),
                            "Thread-1");
                    shown = "ERROR";
                    error++;
                    console.error("Runtime error in " + label + ": " + e.getMessage());
                }
                results.add(result);
                double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
                console.info(ProgressLine.format(index, checks.size(), shown + " " + label, shown, seconds,
                        ProgressLine.DEFAULT_WIDTH));
            }
            double elapsed = Duration.between(started, Instant.now()).toNanos() / 1e9;
            java.nio.file.Path file = output != null ? output : session.targetDir().resolve("sources.json");
            java.nio.file.Path dir = file.toAbsolutePath().getParent();
            SourcesWriter.write(dir, new RunResultsWriter.Metadata(DbtVersion.REPORTED, Instant.now(),
                    session.invocationId(), session.startedAt()), results, elapsed);
            if (!file.getFileName().toString().equals("sources.json")) {
                java.nio.file.Files.move(dir.resolve("sources.json"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            console.info("");
            console.info(RunSummary.finishedRunning(Map.of("source", checks.size()), elapsed));
            console.info("Done writing " + session.root().root().relativize(file.toAbsolutePath()));
            console.info(RunSummary.completed(error, 0, warn));
            console.info(RunSummary.done(new RunSummary.Tally(pass, warn, error, 0, 0, 0)));
            return error > 0 ? ExitCode.FAILURE : ExitCode.SUCCESS;
        }
    }
}
