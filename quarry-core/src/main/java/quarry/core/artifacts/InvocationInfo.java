package quarry.core.artifacts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What every artifact's {@code metadata} block says about the invocation: ids, times, versions and
 * the {@code DBT_ENV_CUSTOM_ENV_*} variables dbt copies into {@code env}.
 */
public record InvocationInfo(String invocationId, Instant startedAt, String dbtVersion, String adapterType,
        Map<String, String> env) {
    public InvocationInfo {
        Objects.requireNonNull(invocationId);
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(dbtVersion);
        env = Map.copyOf(env);
    }
}
