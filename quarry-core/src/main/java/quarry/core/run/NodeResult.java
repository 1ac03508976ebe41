package quarry.core.run;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one node in a run, as run_results.json records it: status, timings of the
 * compile and execute steps, the adapter's response, and, for tests, the number of failures.
 */
public record NodeResult(
        String uniqueId,
        Status status,
        String message,
        Optional<Timing> compile,
        Optional<Timing> execute,
        String threadId,
        double executionSeconds,
        AdapterResponse adapterResponse,
        Optional<Long> failures,
        Optional<String> compiledCode,
        Optional<String> relationName) {

    /** dbt's result statuses: models, seeds and snapshots use the first group, tests the second. */
    public enum Status {
        SUCCESS("success"),
        ERROR("error"),
        SKIPPED("skipped"),
        PARTIAL_SUCCESS("partial success"),
        NO_OP("no-op"),
        REUSED("reused"),
        PASS("pass"),
        FAIL("fail"),
        WARN("warn"),
        RUNTIME_ERROR("runtime error");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Whether nodes that depend on one with this status must be skipped. */
        public boolean blocksDependants() {
            return this == ERROR || this == FAIL || this == SKIPPED || this == RUNTIME_ERROR;
        }
    }

    /** One step of a node (dbt names them {@code compile} and {@code execute}). */
    public record Timing(String name, Instant startedAt, Instant completedAt) {
        public Timing {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(completedAt, "completedAt");
        }
    }

    /** What the adapter answered: dbt's {@code _message}, {@code code} and {@code rows_affected}. */
    public record AdapterResponse(String message, String code, Optional<Long> rowsAffected, Optional<String> queryId) {
        public static final AdapterResponse NONE = new AdapterResponse("", "", Optional.empty(), Optional.empty());
    }

    public NodeResult {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(status, "status");
        message = Objects.requireNonNullElse(message, "");
        Objects.requireNonNull(adapterResponse, "adapterResponse");
    }

    public static NodeResult skipped(String uniqueId, String threadId) {
        return new NodeResult(uniqueId, Status.SKIPPED, "", Optional.empty(), Optional.empty(), threadId, 0,
                AdapterResponse.NONE, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
