package quarry.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source freshness results of a sources.json ({@code quarry source freshness}), for the
 * {@code source_status:} selection method: each source's {@code max_loaded_at}, and the sources
 * whose check failed to run.
 */
record FreshnessResults(Map<String, Instant> maxLoadedAt, Set<String> runtimeErrors) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The results in {@code dir}/sources.json; empty when there is none; an unreadable one is an error naming it. */
    static Optional<FreshnessResults> read(Path dir) {
        Path file = dir.resolve("sources.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Instant> loaded = new HashMap<>();
        Set<String> errors = new HashSet<>();
        try {
            for (JsonNode r : MAPPER.readTree(file.toFile()).path("results")) {
                String id = r.path("unique_id").asText();
                Optional<Instant> at = instant(r.path("max_loaded_at").asText(null));
                if (r.has("error") || at.isEmpty()) {
                    errors.add(id);
                } else {
                    loaded.put(id, at.get());
                }
            }
        } catch (IOException e) {
            throw new SelectionException("cannot read " + file + ": " + e.getMessage());
        }
        return Optional.of(new FreshnessResults(loaded, errors));
    }

    /** An ISO timestamp with an offset ({@code Z}, {@code +00:00}) or without (taken as UTC, as dbt writes naive ones). */
    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * dbt's {@code source_status:fresher}: the sources loaded since the earlier results (or new in
     * these), leaving out any whose check failed to run in either.
     */
    Set<String> fresherThan(FreshnessResults earlier) {
        Set<String> fresher = new HashSet<>();
        maxLoadedAt.forEach((id, at) -> {
            Instant before = earlier.maxLoadedAt.get(id);
            if ((before == null || at.isAfter(before)) && !runtimeErrors.contains(id)
                    && !earlier.runtimeErrors.contains(id)) {
                fresher.add(id);
            }
        });
        return fresher;
    }
}
