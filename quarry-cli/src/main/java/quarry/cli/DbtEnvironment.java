package quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * dbt's environment: the shell's variables over those of a {@code .env} file in the current
 * folder (dbt 1.12 loads one; the shell wins), and the {@code DBT_*} variables that give flags
 * their defaults ({@code DBT_TARGET=prod quarry run} is {@code quarry run --target prod}). A flag
 * on the command line wins over its variable. docs/commands.md lists them.
 */
final class DbtEnvironment implements CommandLine.IDefaultValueProvider {

    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("--target", "DBT_TARGET"),
            Map.entry("--profile", "DBT_PROFILE"),
            Map.entry("--target-path", "DBT_TARGET_PATH"),
            Map.entry("--full-refresh", "DBT_FULL_REFRESH"),
            Map.entry("--fail-fast", "DBT_FAIL_FAST"),
            Map.entry("--warn-error", "DBT_WARN_ERROR"),
            Map.entry("--warn-error-options", "DBT_WARN_ERROR_OPTIONS"),
            Map.entry("--store-failures", "DBT_STORE_FAILURES"),
            Map.entry("--empty", "DBT_EMPTY"),
            Map.entry("--partial-parse", "DBT_PARTIAL_PARSE"),
            Map.entry("--debug", "DBT_DEBUG"),
            Map.entry("--quiet", "DBT_QUIET"),
            Map.entry("--log-level", "DBT_LOG_LEVEL"),
            Map.entry("--log-format", "DBT_LOG_FORMAT"),
            Map.entry("--log-path", "DBT_LOG_PATH"),
            Map.entry("--state", "DBT_STATE"),
            Map.entry("--defer", "DBT_DEFER"),
            Map.entry("--defer-state", "DBT_DEFER_STATE"),
            Map.entry("--favor-state", "DBT_FAVOR_STATE"),
            Map.entry("--indirect-selection", "DBT_INDIRECT_SELECTION"),
            Map.entry("--printer-width", "DBT_PRINTER_WIDTH"),
            Map.entry("--use-colors", "DBT_USE_COLORS"),
            Map.entry("--send-anonymous-usage-stats", "DBT_SEND_ANONYMOUS_USAGE_STATS"),
            Map.entry("--version-check", "DBT_VERSION_CHECK"));

    private final Map<String, String> variables;

    DbtEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** The environment of this process: {@code .env} of the current folder, then the shell's variables over it. */
    static DbtEnvironment current() {
        Map<String, String> merged = new HashMap<>(dotEnv(Path.of("").toAbsolutePath().resolve(".env")));
        merged.putAll(System.getenv());
        return new DbtEnvironment(Map.copyOf(merged));
    }

    Map<String, String> variables() {
        return variables;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String variable = FLAGS.get(option.longestName());
        String value = variable == null ? null : variables.get(variable);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (option.type() == boolean.class || option.type() == Boolean.class) {
            return String.valueOf(List.of("1", "true", "yes", "y", "t", "on").contains(value.toLowerCase(Locale.ROOT)));
        }
        return value;
    }

    /** {@code KEY=VALUE} lines ({@code export} and quotes allowed, {@code #} comments); none when the file is absent. */
    static Map<String, String> dotEnv(Path file) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.startsWith("export ")) {
                    line = line.substring("export ".length()).strip();
                }
                int eq = line.indexOf('=');
                if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                    continue;
                }
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                        && value.charAt(value.length() - 1) == value.charAt(0)) {
                    value = value.substring(1, value.length() - 1);
                } else if (value.contains(" #")) {
                    value = value.substring(0, value.indexOf(" #")).strip();
                }
                out.put(line.substring(0, eq).strip(), value);
            }
        } catch (IOException e) {
            throw new CommandLine.ParameterException(new CommandLine(new Object()), "cannot read " + file + ": "
                    + e.getMessage());
        }
        return out;
    }
}
