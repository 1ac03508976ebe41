package quarry.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a Rockset query lambda (spec §4.8): saved SQL with default parameters. A version
 * never changes once created; {@code version} is 16 lower-case hex digits.
 */
public record LambdaVersion(String workspace, String name, String version, String description, String sql,
        List<LambdaParameter> defaultParameters, List<String> collections, Instant createdAt) {

    public LambdaVersion {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sql, "sql");
        defaultParameters = List.copyOf(defaultParameters);
        collections = List.copyOf(collections);
    }

    /** {@code ws.name::version}, the {@code query_lambda_path} of an execution. */
    public String path() {
        return workspace + "." + name + "::" + version;
    }
}
