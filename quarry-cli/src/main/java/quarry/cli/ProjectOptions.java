package quarry.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import quarry.core.run.EventLog;
import quarry.core.project.Vars;
import quarry.core.session.SessionOptions;

/** The flags every project command shares: where the project and profile are, the target, vars, output folder. */
final class ProjectOptions {

    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "The dbt project (default: DBT_PROJECT_DIR, else the nearest folder upwards with dbt_project.yml).")
    Path projectDir;

    @Option(names = "--profiles-dir", paramLabel = "DIR",
            description = "Where profiles.yml is (default: DBT_PROFILES_DIR, the current folder, the project, ~/.dbt).")
    Path profilesDir;

    @Option(names = "--profile", description = "The profile to use instead of the project's.")
    String profile;

    @Option(names = {"-t", "--target"}, description = "The target of the profile to use.")
    String target;

    @Option(names = "--vars", paramLabel = "YAML", description = "Variables as a YAML mapping, e.g. '{key: value}'.")
    String vars;

    @Option(names = "--target-path", paramLabel = "DIR", description = "Where artifacts go (default: target-path, 'target').")
    String targetPath;

    @Option(names = "--threads", description = "Threads, overriding the profile.")
    Integer threads;

    @Option(names = "--partial-parse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reuse the saved parse when nothing it read has changed (default: on; quarry parse uses it).")
    boolean partialParse;

    @Option(names = {"-d", "--debug"}, description = "Show debug output, including stack traces of errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the command's own results.")
    boolean quiet;

    @Option(names = "--log-path", paramLabel = "DIR",
            description = "Where dbt.log goes (default: the project's log-path, 'logs').")
    Path logPath;

    @Option(names = "--warn-error-options", paramLabel = "YAML",
            description = "Warnings that are errors, as YAML: '{error: all}' or '{error: [LogTestResult], warn: [NothingToDo]}' "
                    + "(run, test, build, seed, snapshot, clone, retry; docs/commands.md).")
    String warnErrorOptions;

    @picocli.CommandLine.Mixin
    CompatibilityOptions compatibility = new CompatibilityOptions();

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Least level printed: debug, info (default), warn, error or none (default: DBT_LOG_LEVEL).")
    String logLevel;

    /**
     * The least level the console prints: {@code --debug} (or DBT_DEBUG) shows debug events,
     * {@code --quiet} (or DBT_QUIET) only errors, else {@code --log-level} (or DBT_LOG_LEVEL);
     * empty for {@code none}.
     */
    Optional<EventLog.Level> consoleLevel(CommandSpec spec) {
        if (debug) {
            return Optional.of(EventLog.Level.DEBUG);
        }
        if (quiet) {
            return Optional.of(EventLog.Level.ERROR);
        }
        String value = logLevel != null ? logLevel : "info";
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "debug" -> Optional.of(EventLog.Level.DEBUG);
            case "info" -> Optional.of(EventLog.Level.INFO);
            case "warn" -> Optional.of(EventLog.Level.WARN);
            case "error" -> Optional.of(EventLog.Level.ERROR);
            case "none" -> Optional.empty();
            default -> throw new ParameterException(spec.commandLine(),
                    "--log-level must be debug, info, warn, error or none, not '" + value + "'");
        };
    }

    /** Whether --debug (or DBT_DEBUG) asks for stack traces. */
    boolean debugging() {
        return debug;
    }

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "Console format: text lines, or one JSON event per line (default: DBT_LOG_FORMAT, else text).")
    String logFormat;

    /** The console format of {@code --log-format}, else {@code DBT_LOG_FORMAT}, else text. */
    EventLog.Format logFormat(CommandSpec spec) {
        String value = logFormat != null ? logFormat : "text";
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> EventLog.Format.JSON;
            case "text", "default", "debug" -> EventLog.Format.TEXT;
            default -> throw new ParameterException(spec.commandLine(), "--log-format must be text or json, not '" + value + "'");
        };
    }

    /** The command using these options: its default value provider is the environment Main read. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The variables Main read for flag defaults (shell over .env), read again only for a command built elsewhere. */
    private Map<String, String> environment() {
        return mixee != null && mixee.defaultValueProvider() instanceof DbtEnvironment read ? read.variables()
                : DbtEnvironment.current().variables();
    }

    SessionOptions toSession(String command) {
        Map<String, String> env = environment();
        Path cwd = Path.of("").toAbsolutePath();
        Path project = projectDir != null ? projectDir
                : env.get("DBT_PROJECT_DIR") != null ? Path.of(env.get("DBT_PROJECT_DIR")) : findProject(cwd);
        Map<String, Object> cliVars = Vars.parseCli(vars);
        return new SessionOptions(project.toAbsolutePath().normalize(), Optional.ofNullable(profilesDir),
                Optional.ofNullable(profile), Optional.ofNullable(target), cliVars, Optional.ofNullable(targetPath),
                Optional.ofNullable(threads), cwd, Path.of(System.getProperty("user.home")), env, command);
    }

    /** dbt looks for dbt_project.yml in the current folder and its parents. */
    static Path findProject(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isRegularFile(dir.resolve("dbt_project.yml"))) {
                return dir;
            }
        }
        return start;
    }
}
