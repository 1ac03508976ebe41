package quarry.core.adapter;

import java.util.Map;
import java.util.Objects;

/**
 * What the catalog (dbt's {@code catalog.json}) shows of an existing relation beyond its columns:
 * its type as the database names it ({@code VIEW}, {@code COLLECTION}), its comment (description)
 * and statistics such as {@code row_count} and {@code bytes}.
 */
public record RelationDetails(String type, String comment, Map<String, Long> stats) {
    public RelationDetails {
        Objects.requireNonNull(type, "type");
        stats = Map.copyOf(stats);
    }
}
