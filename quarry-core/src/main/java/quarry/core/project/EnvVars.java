package quarry.core.project;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The environment variables a project may read through {@code env_var()}. Remembers every variable
 * read and the value seen, so that a saved parse can tell whether a change in the environment affects it.
 */
public final class EnvVars {

    /** dbt scrubs variables with this prefix from logs and artifacts. */
    public static final String SECRET_PREFIX = "DBT_ENV_SECRET_";

    private final Map<String, String> environment;
    private final SortedMap<String, String> read = new TreeMap<>();
    private final ParseReads reads = new ParseReads();

    public EnvVars(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment));
    }

    /** Where reads of variables, {@code var()} and {@code target} are recorded for partial parsing. */
    public ParseReads reads() {
        return reads;
    }

    public static EnvVars system() {
        return new EnvVars(System.getenv());
    }

    public synchronized Optional<String> get(String name) {
        String value = environment.get(name);
        read.put(name, value == null ? "\u0000unset" : value);
        reads.record("env:" + name);
        return Optional.ofNullable(value);
    }

    /** The variables read so far, with the values seen (a marker for unset ones). */
    public synchronized SortedMap<String, String> readSoFar() {
        return new TreeMap<>(read);
    }

    /** The value without recording it as read (for Quarry's own settings such as DBT_PROFILES_DIR). */
    public String peek(String name) {
        return environment.get(name);
    }

    /** The variables whose names begin with the given prefix, such as {@code DBT_ENV_CUSTOM_ENV_}. */
    public Map<String, String> withPrefix(String prefix) {
        TreeMap<String, String> out = new TreeMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
