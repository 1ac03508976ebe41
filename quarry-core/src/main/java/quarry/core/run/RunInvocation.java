package quarry.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import quarry.core.adapter.AdapterConnection;
import quarry.core.artifacts.RunResultsWriter;
import quarry.core.graph.Dag;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;

/**
 * One execution of dbt's run, seed, test, snapshot or build over a selection: runs the
 * {@code on-run-start} hooks, the nodes in DAG order on the configured threads (a data test right
 * after the node it tests, and before that node's children, which a failing test skips), the
 * {@code on-run-end} hooks, then prints dbt's summary and writes run_results.json.
 */
public final class RunInvocation {

    /** What a run produced and the exit code it implies (dbt's: 0 success, 1 a node failed). */
    public record Outcome(List<NodeResult> results, int exitCode) {}

    /** dbt's exit code of a run ended by Ctrl-C. */
    public static final int INTERRUPTED = 2;

    /** Settings of one invocation. */
    public record Settings(int threads, boolean failFast, RunFlags flags, String dbtVersion,
            String invocationId, Instant startedAt, Map<String, Object> args) {}

    private final Manifest manifest;
    private final Dag dag;
    private final NodeCompiler compiler;
    private final AdapterConnection connection;
    private final EventLog log;
    private final Path targetDir;
    private final NodeExecutor.SourceFiles files;
    private final Settings settings;

    public RunInvocation(Manifest manifest, Dag dag, NodeCompiler compiler, AdapterConnection connection, EventLog log,
            Path targetDir, NodeExecutor.SourceFiles files, Settings settings) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.dag = Objects.requireNonNull(dag, "dag");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.log = Objects.requireNonNull(log, "log");
        this.targetDir = Objects.requireNonNull(targetDir, "targetDir");
        this.files = Objects.requireNonNull(files, "files");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Set by {@link #interrupt()} (Ctrl-C), from another thread. */
    private volatile boolean interrupted;

    /**
     * Ctrl-C: the nodes still running are being cancelled; when they end, the run ends without
     * on-run-end hooks, summary or run_results.json, with exit code 2, as dbt's does.
     */
    public void interrupt() {
        interrupted = true;
    }

    /** Runs the selected nodes (ephemeral models, analyses and operations among them are not executed). */
    public Outcome run(Set<String> selected, List<String> onRunStart, List<String> onRunEnd) {
        Instant started = Instant.now();
        Set<String> runnable = new LinkedHashSet<>();
        for (String id : selected) {
            manifest.node(id).filter(RunInvocation::executes).ifPresent(n -> runnable.add(id));
        }
        List<String> order = dag.topologicalOrder(runnable);
        runHooks("on-run-start", onRunStart);
        List<NodeResult> results = new ArrayList<>();
        boolean nothingFailed = false;
        if (order.isEmpty()) {
            String nothing = "Nothing to do. Try checking your model configs and model specification args";
            nothingFailed = settings.flags().warnError().errors(WarnErrorOptions.NOTHING_TO_DO);
            if (nothingFailed) {
                log.emit(EventLog.Level.ERROR, WarnErrorOptions.NOTHING_TO_DO, "Q035", nothing + " (an error: --warn-error)",
                        Map.of());
            } else {
                log.warn(WarnErrorOptions.NOTHING_TO_DO, "Q035", nothing);
            }
        } else {
            ProgressReporter reporter = new ProgressReporter(log, order.size());
            NodeExecutor executor = new NodeExecutor(manifest, compiler, connection, reporter, log, targetDir, files,
                    settings.flags());
            Map<String, Set<String>> parents = schedulingParents(order);
            results.addAll(new Scheduler<NodeResult>(settings.threads(), settings.failFast())
                    .run(order, parents::get, executor).values());
        }
        if (interrupted) {
            return new Outcome(List.copyOf(results), INTERRUPTED);
        }
        runHooks("on-run-end", onRunEnd);
        double elapsed = java.time.Duration.between(started, Instant.now()).toNanos() / 1e9;
        int exitCode = nothingFailed ? 1 : summarize(results, elapsed);
        try {
            RunResultsWriter.write(targetDir, new RunResultsWriter.Metadata(settings.dbtVersion(), Instant.now(),
                    settings.invocationId(), settings.startedAt()), results, elapsed, settings.args());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run_results.json: " + e.getMessage(), e);
        }
        return new Outcome(List.copyOf(results), exitCode);
    }

    private static boolean executes(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> !node.isEphemeral();
            case SEED, SNAPSHOT, TEST, UNIT_TEST -> true;
            default -> false;
        };
    }

    /**
     * The parents the scheduler waits for: a node's selected parents, plus the selected tests of
     * those parents, so that a failing test skips the tested node's children as in {@code dbt build}.
     * A test that also depends on the node itself (a relationships test between the two) is not
     * made its parent. A model waits for its unit tests, which wait for the model's parents (dbt
     * build runs unit tests before the model they test; a failing one skips it and its dependants).
     */
    private Map<String, Set<String>> schedulingParents(List<String> order) {
        Set<String> inRun = new LinkedHashSet<>(order);
        Map<String, List<String>> testsOf = new LinkedHashMap<>();
        for (String id : order) {
            Node node = manifest.node(id).orElseThrow();
            if (node.resourceType() == ResourceType.TEST) {
                for (String parent : node.dependsOnNodes()) {
                    testsOf.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
                }
            }
        }
        Map<String, List<String>> unitTestsOf = new LinkedHashMap<>();
        for (String id : order) {
            manifest.unitTest(id).ifPresent(u -> unitTestsOf.computeIfAbsent(u.modelUniqueId(), m -> new ArrayList<>()).add(id));
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String id : order) {
            Node node = manifest.node(id).orElseThrow();
            Set<String> waits = new LinkedHashSet<>();
            if (node.resourceType() == ResourceType.UNIT_TEST) {
                // a unit test runs before its model, once the model's own parents are built
                waits.addAll(throughEphemerals(node.attachedNode()));
                waits.retainAll(inRun);
                parents.put(id, waits);
                continue;
            }
            waits.addAll(unitTestsOf.getOrDefault(id, List.of()));
            for (String parent : throughEphemerals(id)) {
                waits.add(parent);
                if (node.resourceType() != ResourceType.TEST) {
                    for (String test : testsOf.getOrDefault(parent, List.of())) {
                        if (!manifest.node(test).orElseThrow().dependsOnNodes().contains(id)) {
                            waits.add(test);
                        }
                    }
                }
            }
            waits.retainAll(inRun);
            parents.put(id, waits);
        }
        return parents;
    }

    /** A node's parents, looking through ephemeral models (which do not run) to the parents they stand for. */
    private Set<String> throughEphemerals(String id) {
        Set<String> found = new LinkedHashSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(dag.parents(id));
        Set<String> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String parent = pending.pop();
            if (!seen.add(parent)) {
                continue;
            }
            found.add(parent);
            if (manifest.node(parent).map(Node::isEphemeral).orElse(false)) {
                pending.addAll(dag.parents(parent));
            }
        }
        return found;
    }

    private void runHooks(String phase, List<String> hooks) {
        if (hooks.isEmpty()) {
            return;
        }
        log.info("HooksRunning", "E040", "Running " + hooks.size() + " " + phase + " hook" + (hooks.size() == 1 ? "" : "s"));
        int index = 0;
        for (String hook : hooks) {
            index++;
            String name = manifest.projectName() + "." + phase + "." + (index - 1);
            Instant start = Instant.now();
            connection.execute(hook, false);
            double seconds = java.time.Duration.between(start, Instant.now()).toNanos() / 1e9;
            log.info("LogHookEndLine", "Q033", ProgressLine.format(index, hooks.size(), "OK hook: " + name, "OK", seconds,
                    ProgressLine.DEFAULT_WIDTH));
        }
        log.info("Formatting", "Z017", "");
    }

    /** Prints "Finished running ...", the failures and the stats line; returns the exit code. */
    private int summarize(List<NodeResult> results, double elapsed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int pass = 0;
        int warn = 0;
        int error = 0;
        int skip = 0;
        List<NodeResult> problems = new ArrayList<>();
        for (NodeResult result : results) {
            Node node = manifest.node(result.uniqueId()).orElseThrow();
            if (result.status() != NodeResult.Status.SKIPPED) {
                counts.merge(ProgressReporter.typeKey(node), 1, Integer::sum);
            }
            switch (result.status()) {
                case SUCCESS, PASS -> pass++;
                case WARN -> {
                    warn++;
                    problems.add(result);
                }
                case SKIPPED -> skip++;
                default -> {
                    error++;
                    problems.add(result);
                }
            }
        }
        log.info("Formatting", "Z017", "");
        log.info("FinishedRunningStats", "Q047", RunSummary.finishedRunning(counts, elapsed));
        log.info("Formatting", "Z017", "");
        log.info("EndOfRunSummary", "Z030", RunSummary.completed(error, 0, warn));
        for (NodeResult problem : problems) {
            Node node = manifest.node(problem.uniqueId()).orElseThrow();
            boolean isWarning = problem.status() == NodeResult.Status.WARN;
            log.info("Formatting", "Z017", "");
            log.emit(isWarning ? EventLog.Level.WARN : EventLog.Level.ERROR, "RunResultError", "Z022",
                    (isWarning ? "[WARNING]" : "[ERROR]") + ": in " + node.resourceType().dbtName() + " " + node.name()
                            + " (" + node.originalFilePath() + ")", Map.of());
            log.emit(isWarning ? EventLog.Level.WARN : EventLog.Level.ERROR, "RunResultError", "Z022",
                    "  " + problem.message().replace("\n", "\n  "), Map.of());
            if (problem.compiledCode().isPresent() && node.resourceType() != ResourceType.UNIT_TEST) {
                log.info("SQLCompiledPath", "Z026", "  compiled code at " + targetDir.getFileName() + "/"
                        + node.artifactPath("run"));
            }
        }
        log.info("Formatting", "Z017", "");
        log.info("StatsLine", "Z023", RunSummary.done(new RunSummary.Tally(pass, warn, error, skip, 0, 0)));
        // a test's warning that --warn-error makes an error is already a failure (NodeExecutor)
        return error > 0 ? 1 : 0;
    }
}
