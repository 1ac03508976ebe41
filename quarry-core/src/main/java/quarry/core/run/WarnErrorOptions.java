package quarry.core.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.SourceLocation;
import quarry.core.project.ProjectException;
import quarry.core.project.YamlReader;

/**
 * Which warnings are errors: dbt's {@code --warn-error} (all of them) and
 * {@code --warn-error-options}, a YAML mapping of event names: {@code error} (or its older name
 * {@code include}) is {@code all}, {@code *} or a list; {@code warn} (or {@code exclude}) lists the
 * events that stay warnings; {@code silence} lists events not to show, and is accepted. Quarry's
 * warnings that can become errors are a data test's warning ({@code LogTestResult}: the test
 * fails, as in dbt) and {@code NothingToDo} (nothing selected).
 */
public record WarnErrorOptions(boolean all, Set<String> errors, Set<String> warns) {

    /** dbt's event of a data test's result: a warning result fails the test when this is an error. */
    public static final String TEST_RESULT = "LogTestResult";
    /** dbt's event of a run that selected nothing. */
    public static final String NOTHING_TO_DO = "NothingToDo";

    public static final WarnErrorOptions NONE = new WarnErrorOptions(false, Set.of(), Set.of());
    public static final WarnErrorOptions ALL = new WarnErrorOptions(true, Set.of(), Set.of());

    public WarnErrorOptions {
        errors = Set.copyOf(errors);
        warns = Set.copyOf(warns);
    }

    /** Whether the warning event of this name is an error. */
    public boolean errors(String event) {
        return (all || errors.contains(event)) && !warns.contains(event);
    }

    /** {@code --warn-error} and {@code --warn-error-options} together (the flag wins: every warning is an error). */
    public static WarnErrorOptions of(boolean warnError, String options) {
        return warnError ? ALL : parse(options);
    }

    /** Reads {@code --warn-error-options}; null or blank is none. */
    public static WarnErrorOptions parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Object parsed = YamlReader.parse(text, "--warn-error-options");
        if (!(parsed instanceof Map<?, ?> map)) {
            throw invalid("it must be a YAML mapping such as '{error: all, warn: [NothingToDo]}', not '" + text + "'");
        }
        for (Object key : map.keySet()) {
            if (!List.of("error", "include", "warn", "exclude", "silence").contains(String.valueOf(key))) {
                throw invalid("there is no key '" + key + "'; its keys are error (or include), warn (or exclude) and silence");
            }
        }
        Object error = only(map, "error", "include");
        Object warn = only(map, "warn", "exclude");
        only(map, "silence", "silence");
        boolean all = error instanceof String s && (s.equals("all") || s.equals("*"));
        return new WarnErrorOptions(all, all ? Set.of() : names(error, "error"), names(warn, "warn"));
    }

    private static Object only(Map<?, ?> map, String key, String olderKey) {
        if (!key.equals(olderKey) && map.containsKey(key) && map.containsKey(olderKey)) {
            throw invalid("it gives both '" + key + "' and '" + olderKey + "' (the older name of '" + key + "'); give one");
        }
        return map.containsKey(key) ? map.get(key) : map.get(olderKey);
    }

    private static Set<String> names(Object value, String key) {
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String s && (s.equals("all") || s.equals("*"))) {
            throw invalid("'" + key + "' cannot be '" + s + "'; list the event names");
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("'" + key + "' must be a list of event names" + (key.equals("error") ? ", or 'all'" : "")
                    + ", not '" + value + "'");
        }
        return list.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
    }

    private static ProjectException invalid(String problem) {
        return new ProjectException(SourceLocation.of("--warn-error-options"), problem);
    }
}
