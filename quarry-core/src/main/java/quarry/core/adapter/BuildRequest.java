package quarry.core.adapter;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import quarry.core.seed.SeedTable;

/**
 * What the engine asks an adapter to build for one node: the node's materialization (its
 * {@code materialized} config: {@code view}, {@code table}, {@code incremental}, {@code seed},
 * {@code snapshot}, ...), the relation it lands in, its compiled SQL, its rendered config, whether
 * the run is a full refresh, whether the model's own {@code is_incremental()} was true when it
 * compiled, and, for seeds, the typed rows.
 */
public record BuildRequest(
        String uniqueId,
        String materialization,
        Relation target,
        String compiledSql,
        Map<String, Object> config,
        boolean fullRefresh,
        boolean incremental,
        Optional<SeedTable> seed) {

    public BuildRequest {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(materialization, "materialization");
        Objects.requireNonNull(target, "target");
        compiledSql = compiledSql == null ? "" : compiledSql;
        config = config == null ? Map.of() : config;
        Objects.requireNonNull(seed, "seed");
    }

    /** A config value, or {@code fallback} when unset. */
    public Object config(String key, Object fallback) {
        Object value = config.get(key);
        return value == null ? fallback : value;
    }
}
