package quarry.core.adapter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What building a node did: dbt's adapter response message ({@code OK}, {@code INSERT 100}), the
 * rows written when known, and the statements run, which the engine writes to {@code target/run/}.
 */
public record BuildResult(String message, Optional<Long> rowsAffected, List<String> statements) {

    public BuildResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rowsAffected, "rowsAffected");
        statements = List.copyOf(statements);
    }
}
