package quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quarry.core.artifacts.RunResultsWriter;
import quarry.core.run.NodeResult;
import quarry.core.session.DbtVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import quarry.core.QuarryException;
import quarry.core.manifest.Macro;
import quarry.core.project.Vars;
import quarry.core.session.ProjectParsing;
import quarry.core.session.Session;

/**
 * {@code quarry run-operation MACRO --args 'YAML'}: calls a macro of the project (or
 * {@code package.macro}) with a live connection, so {@code run_query}, {@code statement} and the
 * {@code adapter.*} methods work; its {@code log(..., info=True)} lines are printed. As in dbt, a
 * macro that fails or does not exist ends the command with exit code 1.
 */
@Command(name = "run-operation", mixinStandardHelpOptions = true, description = "Call a macro.")
final class RunOperationCommand extends ProjectCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "MACRO", description = "The macro to call: name or package.name.")
    String macro;

    @Option(names = "--args", paramLabel = "YAML", description = "Keyword arguments as a YAML mapping, e.g. '{n: 3}'.")
    String args;

    @Override
    String commandName() {
        return "run-operation";
    }

    @Override
    int run(Session session) throws Exception {
        Map<String, Object> kwargs = Vars.parseCli(args);
        if (!macro.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            console.error("Encountered an error while running operation: '" + macro + "' is not a macro name");
            return ExitCode.FAILURE;
        }
        try (LiveProject live = new LiveProject(session, console, commandName(), Map.of())) {
            reportWarnings(session);
            String name = macro.contains(".") ? macro.substring(macro.indexOf('.') + 1) : macro;
            String pkg = macro.contains(".") ? macro.substring(0, macro.indexOf('.')) : null;
            boolean exists = live.manifest().macros().values().stream()
                    .anyMatch(m -> m.name().equals(name) && (pkg == null || m.packageName().equals(pkg)));
            if (!exists) {
                console.error("Encountered an error while running operation: dbt could not find a macro with the name '"
                        + macro + "' in " + (pkg == null ? "any package" : "package '" + pkg + "'"));
                return ExitCode.FAILURE;
            }
            String call = "{% do " + macro + "(**fromjson(" + pythonString(JSON.writeValueAsString(kwargs)) + ")) %}";
            Instant start = Instant.now();
            String failure = null;
            try {
                live.compiler().compileInline(call, List.of(), List.of());
            } catch (RuntimeException e) {
                RuntimeException unwrapped = ProjectParsing.unwrap(e);
                String message = unwrapped instanceof QuarryException ? unwrapped.getMessage()
                        : unwrapped.getClass().getSimpleName() + ": " + unwrapped.getMessage();
                failure = message.replace("inline_query.sql", "macro " + macro);
                console.error("Encountered an error while running operation: " + failure);
                if (project.debugging()) {
                    e.printStackTrace(spec.commandLine().getErr());
                }
            }
            writeResult(session, live, name, start, failure);
            return failure == null ? ExitCode.SUCCESS : ExitCode.FAILURE;
        }
    }

    /** run_results.json with one {@code operation.<project>.<macro>} result, as dbt 1.5+ writes it. */
    private void writeResult(Session session, LiveProject live, String name, Instant start, String failure)
            throws java.io.IOException {
        Instant end = Instant.now();
        double seconds = java.time.Duration.between(start, end).toNanos() / 1e9;
        NodeResult result = new NodeResult("operation." + live.manifest().projectName() + "." + name,
                failure == null ? NodeResult.Status.SUCCESS : NodeResult.Status.ERROR, failure == null ? "" : failure,
                Optional.empty(),
                Optional.of(new NodeResult.Timing("execute", start, end)), "main", seconds,
                new NodeResult.AdapterResponse("", "", Optional.empty(), Optional.empty()), Optional.empty(),
                Optional.empty(), Optional.empty());
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("which", "run-operation");
        recorded.put("macro", macro);
        recorded.put("args", Vars.parseCli(args));
        RunResultsWriter.write(session.targetDir(), new RunResultsWriter.Metadata(DbtVersion.REPORTED, end,
                session.invocationId(), session.startedAt()), List.of(result), seconds, recorded);
    }

    /** A Jinja string literal holding {@code text}. */
    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
