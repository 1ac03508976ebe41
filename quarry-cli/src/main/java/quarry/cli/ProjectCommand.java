package quarry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import quarry.core.QuarryException;
import quarry.core.adapter.Adapters;
import quarry.core.session.DbtVersion;
import quarry.core.session.Session;

/**
 * The frame of a command that works on a project: opens the session, runs the command's body, and
 * maps errors once: a Quarry error prints its message (file and line first) and exits 2; anything
 * else is an internal error. Stack traces only with {@code --debug}.
 */
abstract class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    Console console;

    /** The invocation's id, known before its session opens so that every event carries the same one. */
    final String invocationId = java.util.UUID.randomUUID().toString();

    abstract String commandName();

    abstract int run(Session session) throws Exception;

    /** Commands that need no profile (clean, deps) override this to skip opening one. */
    int runWithoutSession() throws Exception {
        Session session = Session.open(project.toSession(commandName()), Adapters.fromClasspath(), invocationId);
        try {
            return run(session);
        } finally {
            reportWarnings(session);
        }
    }

    private int warningsShown;

    /** Prints the warnings gathered since the last call. */
    void reportWarnings(Session session) {
        var warnings = session.diagnostics().warnings();
        for (int i = warningsShown; i < warnings.size(); i++) {
            console.warn(warnings.get(i));
        }
        warningsShown = warnings.size();
    }

    boolean printHeader() {
        return true;
    }

    @Override
    public final Integer call() {
        console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), project.logFormat(spec),
                project.consoleLevel(spec), invocationId);
        if (printHeader()) {
            console.info("MainReportVersion", "A001",
                    "Running with quarry=" + new QuarryVersion().quarryVersion() + " (dbt=" + DbtVersion.REPORTED + ")");
        }
        try {
            return runWithoutSession();
        } catch (QuarryException e) {
            console.error("MainEncounteredError", "Z002", e.getMessage());
            if (project.debugging()) {
                e.printStackTrace(spec.commandLine().getErr());
            }
            return ExitCode.ERROR;
        } catch (Exception e) {
            console.error("internal error: " + e + (project.debugging() ? "" : " (run with --debug for details)"));
            if (project.debugging()) {
                e.printStackTrace(spec.commandLine().getErr());
            }
            return ExitCode.ERROR;
        } finally {
            console.flush();
        }
    }
}
