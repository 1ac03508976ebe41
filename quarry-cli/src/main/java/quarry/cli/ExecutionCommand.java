package quarry.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import quarry.core.adapter.AdapterConnection;
import quarry.core.compile.ExecutionCompiler;
import quarry.core.manifest.Manifest;
import quarry.core.run.EventLog;
import quarry.core.run.NodeCompiler;
import quarry.core.run.RunFlags;
import quarry.core.run.RunInvocation;
import quarry.core.run.WarnErrorOptions;
import quarry.core.select.NodeSelector;
import quarry.core.session.DbtVersion;
import quarry.core.session.Session;

/**
 * The frame of the commands that execute nodes (run, seed, test, snapshot, build): parse, select
 * the command's resource types, connect to the adapter, compile each node with the live
 * connection and run the selection through {@link RunInvocation}. Exit code 1 when a node failed.
 */
abstract class ExecutionCommand extends ProjectCommand {

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = {"-f", "--full-refresh"}, description = "Rebuild incremental models, seeds and tables from scratch.")
    boolean fullRefresh;

    @Option(names = {"-x", "--fail-fast"}, description = "Stop at the first failure.")
    boolean failFast;

    @Option(names = "--warn-error", description = "Treat warnings (test warnings included) as errors.")
    boolean warnError;

    @Option(names = "--store-failures", description = "Store the failing rows of tests in tables.")
    boolean storeFailures;

    @Option(names = "--empty", description = "Limit refs and sources to zero rows: models build with their columns and no data.")
    boolean empty;

    /** The resource types this command executes by default (dbt names). */
    abstract List<String> resourceTypes();

    /** The nodes to execute: by default the selection flags, narrowed to {@link #resourceTypes()}. */
    Set<String> select(NodeSelector selector, Manifest manifest) {
        return selector.onlyTypes(selection.select(selector), resourceTypes());
    }

    /** What a command does once its nodes ran (seed --show prints samples); by default nothing. */
    void afterRun(Session session, RunInvocation.Outcome outcome, Manifest manifest, AdapterConnection connection) {
    }

    /** How each selected node is compiled for execution: by default as the project says. */
    NodeCompiler nodeCompiler(ExecutionCompiler compiler, Session session) {
        return compiler;
    }

    /** The command recorded as {@code args.which} in run_results.json (retry records the command it re-ran). */
    String which() {
        return commandName();
    }

    @Override
    int run(Session session) {
        EventLog.Format format = console.format();
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("FULL_REFRESH", fullRefresh);
        flags.put("EMPTY", empty);
        Path root = session.root().root();
        selection.state.load(session);
        try (LiveProject live = new LiveProject(session, console, which(), flags, empty);
                EventLog log = new EventLog(spec.commandLine().getOut(), format, console.level(),
                        Optional.of((project.logPath != null ? project.logPath : root.resolve(session.root().logPath()))
                                .resolve("dbt.log")), session.invocationId(),
                        Clock.systemDefaultZone(), new ArrayList<>(session.credentials().secrets()))) {
            reportWarnings(session);
            Manifest manifest = live.manifest();
            AdapterConnection connection = live.connection();
            NodeSelector selector = selection.state.selector(session, manifest, live.parsed().dag());
            Set<String> selected = select(selector, manifest);
            String apiServer = String.valueOf(session.credentials().targetFields().getOrDefault("api_server", ""));
            log.info("ConnectionUsed", "E005", "Registered adapter: " + session.adapter().type()
                    + (apiServer.isEmpty() ? "" : " (api_server: " + apiServer + ")"));
            log.info("ConcurrencyLine", "Q027", "Concurrency: " + session.target().threads() + " threads (target='"
                    + session.target().name() + "')");
            log.info("Formatting", "Z017", "");
            ExecutionCompiler compiler = new ExecutionCompiler(live.compiler().withDeferred(
                    selection.state.deferred(session, manifest, selected, connection)), connection,
                    session.relationStyle(), fullRefresh);
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("which", which());
            args.put("select", selection.select);
            args.put("exclude", selection.exclude);
            args.put("full_refresh", fullRefresh);
            args.put("threads", session.target().threads());
            args.put("empty", empty);
            RunInvocation invocation = new RunInvocation(manifest, live.parsed().dag(), nodeCompiler(compiler, session),
                    connection, log,
                    session.targetDir(), node -> session.projects().project(node.packageName()).root().resolve(node.originalFilePath()),
                    new RunInvocation.Settings(session.target().threads(), failFast,
                            new RunFlags(fullRefresh, storeFailures, 5,
                                    WarnErrorOptions.of(warnError, project.warnErrorOptions)),
                            DbtVersion.REPORTED, session.invocationId(),
                            session.startedAt(), args));
            java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
            try (Interrupts interrupts = Interrupts.install(() -> {
                invocation.interrupt();
                cancel(connection, log, cancelled);
            })) {
                RunInvocation.Outcome outcome = invocation.run(selected,
                        compiler.renderProjectHooks(session.root().onRunStart()),
                        compiler.renderProjectHooks(session.root().onRunEnd()));
                if (outcome.exitCode() == RunInvocation.INTERRUPTED) {
                    // the Ctrl-C handler says what it cancelled and ends the process: let it finish
                    awaitQuietly(cancelled);
                }
                connection.usageSummary().ifPresent(usage -> log.debug("AdapterServerTime", "Z050", usage));
                afterRun(session, outcome, manifest, connection);
                return outcome.exitCode();
            }
        }
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ctrl-C: cancels the queries running on the server, says so as dbt does ({@code CANCEL query
     * ...} lines, then {@code ctrl-c}), and exits with dbt's code 2; shutdown hooks (the embedded
     * server's among them) still run.
     */
    private void cancel(AdapterConnection connection, EventLog log, java.util.concurrent.CountDownLatch done) {
        log.warn("CancellingOpenConnections", "Q036", "CTRL-C detected: cancelling running queries");
        for (String query : connection.cancelOpen()) {
            String line = "CANCEL query " + query + " ";
            log.warn("CancelLine", "Q035", line + ".".repeat(Math.max(0, 80 - line.length())) + " [CANCEL]");
        }
        log.error("MainKeyboardInterrupt", "Z009", "ctrl-c");
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        done.countDown();
        Runtime.getRuntime().exit(ExitCode.ERROR);
    }
}
