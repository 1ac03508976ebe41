package quarry.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;
import quarry.core.adapter.Materializations;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.seed.SeedTable;

/**
 * Runs one node of a run or build against the adapter: compiles it with a live connection, runs
 * its pre-hooks, asks the adapter to build it (models, seeds, snapshots) or runs its query (tests;
 * unit tests through {@link UnitTestRunner}),
 * runs its post-hooks, writes target/compiled and target/run, and prints its progress lines.
 * An error fails only this node: the scheduler skips its dependants and goes on with the rest.
 */
public final class NodeExecutor implements Scheduler.Work<NodeResult> {

    /** The materialization {@code quarry clone} gives the nodes it clones. */
    public static final String CLONE = "clone";

    /** Where the executor finds files and writes its artifacts. */
    public interface SourceFiles {
        /** The file a seed node was read from. */
        Path sourceFile(Node node);
    }

    private final Manifest manifest;
    private final NodeCompiler compiler;
    private final AdapterConnection connection;
    private final Materializations materializations;
    private final ProgressReporter reporter;
    private final EventLog log;
    private final Path targetDir;
    private final SourceFiles files;
    private final RunFlags flags;

    public NodeExecutor(Manifest manifest, NodeCompiler compiler, AdapterConnection connection, ProgressReporter reporter,
            EventLog log, Path targetDir, SourceFiles files, RunFlags flags) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.connection = Objects.requireNonNull(connection, "connection");
        if (!(connection instanceof Materializations m)) {
            throw new IllegalArgumentException("the adapter's connection does not build nodes");
        }
        this.materializations = m;
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.log = Objects.requireNonNull(log, "log");
        this.targetDir = Objects.requireNonNull(targetDir, "targetDir");
        this.files = Objects.requireNonNull(files, "files");
        this.flags = Objects.requireNonNull(flags, "flags");
    }

    @Override
    public NodeResult run(String id) {
        Node node = manifest.node(id).orElseThrow();
        int index = reporter.start(node);
        Instant compileStart = Instant.now();
        Optional<NodeResult.Timing> compiled = Optional.empty();
        Optional<String> code = Optional.empty();
        NodeResult result;
        try {
            if (node.resourceType() == ResourceType.UNIT_TEST) {
                result = new UnitTestRunner(manifest, compiler, connection, targetDir).run(manifest.unitTest(id).orElseThrow());
                reporter.finish(index, node, result);
                return result;
            }
            ExecutableNode executable = compiler.compile(node);
            compiled = Optional.of(new NodeResult.Timing("compile", compileStart, Instant.now()));
            code = Optional.of(executable.sql());
            if (node.resourceType() != ResourceType.SEED) {
                write("compiled", node, executable.sql());
            }
            Instant executeStart = Instant.now();
            result = node.resourceType() == ResourceType.TEST
                    ? test(executable, compiled, executeStart)
                    : build(executable, compiled, executeStart);
        } catch (RuntimeException e) {
            result = new NodeResult(id, NodeResult.Status.ERROR, log.mask(messageOf(e)), compiled, Optional.empty(),
                    Thread.currentThread().getName(), seconds(compileStart, Instant.now()), NodeResult.AdapterResponse.NONE,
                    Optional.empty(), code, Optional.empty());
            log.debug("NodeError", "Z000", id + ": " + log.mask(String.valueOf(e)));
        }
        reporter.finish(index, node, result);
        return result;
    }

    private NodeResult build(ExecutableNode executable, Optional<NodeResult.Timing> compiled, Instant start) {
        Node node = executable.node();
        String materialization = CLONE.equals(executable.materialized()) ? CLONE
                : node.resourceType() == ResourceType.SEED ? "seed"
                : node.resourceType() == ResourceType.SNAPSHOT ? "snapshot" : executable.materialized();
        List<String> statements = new ArrayList<>();
        try {
            if (CLONE.equals(materialization)) {
                return cloned(executable, statements, compiled, start);
            }
            if (!materializations.supported().contains(materialization)) {
                return custom(executable, materialization, compiled, start);
            }
            return materialize(executable, materialization, statements, compiled, start);
        } catch (RuntimeException e) {
            // the error summary points at target/run: leave there what was run, and the model's SQL
            statements.add(executable.sql());
            try {
                write("run", node, String.join(";\n\n", statements));
            } catch (UncheckedIOException unwritable) {
                e.addSuppressed(unwritable);
            }
            throw e;
        }
    }

    private NodeResult materialize(ExecutableNode executable, String materialization, List<String> statements,
            Optional<NodeResult.Timing> compiled, Instant start) {
        Node node = executable.node();
        for (String hook : executable.preHooks()) {
            connection.execute(hook, false);
            statements.add(hook);
        }
        Optional<SeedTable> seed = Optional.empty();
        if (node.resourceType() == ResourceType.SEED) {
            seed = Optional.of(readSeed(node, executable.config()));
        }
        BuildResult built = materializations.build(new BuildRequest(node.uniqueId(), materialization,
                executable.relation(), executable.sql(), executable.config(), fullRefresh(executable.config()),
                executable.incremental(), seed));
        statements.addAll(built.statements());
        if (persistsRelationDocs(executable.config()) && !"query_lambda".equals(materialization)) {
            connection.persistDescription(executable.relation(), node.description());
        }
        for (String hook : executable.postHooks()) {
            connection.execute(hook, false);
            statements.add(hook);
        }
        if (!statements.isEmpty()) {
            write("run", node, String.join(";\n\n", statements));
        }
        return built(executable, built.message(), built.rowsAffected(), compiled, start);
    }

    /** A node built (or left as it was): its message, and the rows the adapter says it wrote. */
    private static NodeResult built(ExecutableNode executable, String message, Optional<Long> rowsAffected,
            Optional<NodeResult.Timing> compiled, Instant start) {
        Instant end = Instant.now();
        return new NodeResult(executable.node().uniqueId(), NodeResult.Status.SUCCESS, message, compiled,
                Optional.of(new NodeResult.Timing("execute", start, end)), Thread.currentThread().getName(),
                seconds(compiled.map(NodeResult.Timing::startedAt).orElse(start), end),
                new NodeResult.AdapterResponse(message, message.split(" ")[0], rowsAffected, Optional.empty()),
                Optional.empty(), Optional.of(executable.sql()), Optional.of(executable.relation().render()));
    }

    /**
     * {@code quarry clone}: the node's relation becomes a view of the relation an earlier run
     * built (its SQL selects from it), unless this target already has one and no full refresh
     * was asked for, as dbt's default clone does where a database cannot copy tables.
     */
    private NodeResult cloned(ExecutableNode executable, List<String> statements, Optional<NodeResult.Timing> compiled,
            Instant start) {
        Relation target = executable.relation();
        boolean exists = connection.getRelation(target.database(), target.schema(), target.identifier()).isPresent();
        if (exists && !fullRefresh(executable.config())) {
            return built(executable, "No-op", Optional.empty(), compiled, start);
        }
        Relation view = new Relation(target.database(), target.schema(), target.identifier(),
                quarry.core.adapter.RelationType.VIEW, target.style());
        return materialize(new ExecutableNode(executable.node(), view, executable.sql(), executable.config(), List.of(),
                List.of(), false), "view", statements, compiled, start);
    }

    /** A materialization the project defines in Jinja: the macro runs the node's statements and hooks itself. */
    private NodeResult custom(ExecutableNode executable, String materialization, Optional<NodeResult.Timing> compiled,
            Instant start) {
        Node node = executable.node();
        String message = compiler.runMaterialization(executable, materialization).orElseThrow(() ->
                new IllegalArgumentException(node.originalFilePath() + ": no materialization '" + materialization
                        + "' for this adapter: it builds " + String.join(", ", materializations.supported())
                        + ", and the project and its packages define no {% materialization " + materialization
                        + " %} for it or for default"));
        write("run", node, executable.sql());
        return built(executable, message, Optional.empty(), compiled, start);
    }

    /** dbt's {@code persist_docs: {relation: true}}. */
    private static boolean persistsRelationDocs(Map<String, Object> config) {
        return config.get("persist_docs") instanceof Map<?, ?> docs && Boolean.TRUE.equals(docs.get("relation"));
    }

    private NodeResult test(ExecutableNode executable, Optional<NodeResult.Timing> compiled, Instant start) {
        Node node = executable.node();
        TestVerdict verdict = TestVerdict.of(executable.config());
        Object limit = executable.config().get("limit");
        String query = verdict.wrap(executable.sql(), limit == null ? null : Integer.valueOf(String.valueOf(limit)));
        QueryResult counted = connection.execute(query, true);
        long failures = counted.rows().isEmpty() || counted.rows().get(0).get(0) == null ? 0
                : ((Number) counted.rows().get(0).get(0)).longValue();
        NodeResult.Status status = verdict.judge(failures);
        if (status == NodeResult.Status.WARN && flags.warnError().errors(WarnErrorOptions.TEST_RESULT)) {
            status = NodeResult.Status.FAIL; // dbt: --warn-error turns a test's warning into a failure
        }
        List<String> statements = new ArrayList<>(List.of(query));
        if (flags.storeFailures() || Boolean.TRUE.equals(executable.config().get("store_failures"))) {
            Relation audit = executable.relation();
            BuildResult stored = materializations.build(new BuildRequest(node.uniqueId(), "table", audit, executable.sql(),
                    executable.config(), true, false, Optional.empty()));
            statements.addAll(stored.statements());
        }
        write("run", node, String.join(";\n\n", statements));
        String message = status == NodeResult.Status.PASS ? "" : verdict.message(failures, status);
        Instant end = Instant.now();
        NodeResult result = new NodeResult(node.uniqueId(), status, message, compiled,
                Optional.of(new NodeResult.Timing("execute", start, end)), Thread.currentThread().getName(),
                seconds(compiled.map(NodeResult.Timing::startedAt).orElse(start), end),
                NodeResult.AdapterResponse.NONE, Optional.of(failures), Optional.of(executable.sql()), Optional.empty());
        if (status != NodeResult.Status.PASS && flags.failingRowsShown() > 0) {
            showFailingRows(node, executable.sql());
        }
        return result;
    }

    /** Prints the first failing rows of a test, so the user sees what failed without querying. */
    private void showFailingRows(Node node, String sql) {
        try {
            QueryResult rows = connection.execute("SELECT * FROM (\n" + sql + "\n) AS dbt_internal_test LIMIT "
                    + flags.failingRowsShown(), true);
            if (rows.rows().isEmpty()) {
                return;
            }
            StringBuilder table = new StringBuilder("  first failing rows of " + node.name() + ":\n    "
                    + String.join(" | ", rows.columnNames()));
            for (List<Object> row : rows.rows()) {
                table.append("\n    ").append(row.stream().map(String::valueOf).collect(Collectors.joining(" | ")));
            }
            log.emit(EventLog.Level.INFO, "TestFailingRows", "Q099", log.mask(table.toString()), Map.of());
        } catch (RuntimeException e) {
            log.debug("TestFailingRows", "Q099", "could not fetch the failing rows of " + node.name() + ": " + e.getMessage());
        }
    }

    private SeedTable readSeed(Node node, Map<String, Object> config) {
        Map<String, String> columnTypes = new java.util.LinkedHashMap<>();
        if (config.get("column_types") instanceof Map<?, ?> declared) {
            declared.forEach((k, v) -> columnTypes.put(String.valueOf(k), String.valueOf(v)));
        }
        Path file = files.sourceFile(node);
        try {
            return SeedTable.parse(node.originalFilePath(), java.nio.file.Files.readString(file, StandardCharsets.UTF_8),
                    columnTypes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code --full-refresh}, unless the node's {@code full_refresh} config overrides it. */
    private boolean fullRefresh(Map<String, Object> config) {
        Object configured = config.get("full_refresh");
        if (configured instanceof Boolean b) {
            return b;
        }
        return flags.fullRefresh();
    }

    @Override
    public NodeResult skipped(String id, String cause) {
        Node node = manifest.node(id).orElseThrow();
        reporter.skip(node);
        return NodeResult.skipped(id, Thread.currentThread().getName());
    }

    @Override
    public boolean blocksDependants(NodeResult result) {
        return result.status().blocksDependants();
    }

    private void write(String kind, Node node, String sql) {
        Path file = targetDir.resolve(node.artifactPath(kind));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static double seconds(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1e9;
    }
}
