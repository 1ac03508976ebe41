package quarry.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes {@code target/sources.json} (dbt's sources schema v3), the results of {@code source freshness}. */
public final class SourcesWriter {

    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/sources/v3.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One source table's outcome: {@code pass}, {@code warn}, {@code error}, or {@code runtime error}
     * (with {@code error} holding the message and no times).
     */
    public record Result(String uniqueId, String status, Optional<Instant> maxLoadedAt, Optional<Instant> snapshottedAt,
            Map<String, Object> criteria, Optional<String> error, Instant startedAt, Instant completedAt, String threadId) {}

    private SourcesWriter() {}

    public static void write(Path targetDir, RunResultsWriter.Metadata metadata, List<Result> results, double elapsed)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("metadata")
                .put("dbt_schema_version", SCHEMA)
                .put("dbt_version", metadata.dbtVersion())
                .put("generated_at", iso(metadata.generatedAt()))
                .put("invocation_id", metadata.invocationId())
                .put("invocation_started_at", iso(metadata.invocationStartedAt()))
                .putObject("env");
        ArrayNode entries = root.putArray("results");
        for (Result r : results) {
            ObjectNode entry = entries.addObject().put("unique_id", r.uniqueId());
            if (r.error().isPresent()) {
                entry.put("error", r.error().get()).put("status", r.status());
                continue;
            }
            entry.put("max_loaded_at", r.maxLoadedAt().map(SourcesWriter::iso).orElse(null))
                    .put("snapshotted_at", r.snapshottedAt().map(SourcesWriter::iso).orElse(null));
            if (r.maxLoadedAt().isPresent() && r.snapshottedAt().isPresent()) {
                entry.put("max_loaded_at_time_ago_in_s",
                        java.time.Duration.between(r.maxLoadedAt().get(), r.snapshottedAt().get()).toMillis() / 1000.0);
            }
            entry.put("status", r.status());
            entry.set("criteria", JSON.valueToTree(r.criteria()));
            entry.putObject("adapter_response");
            ArrayNode timing = entry.putArray("timing");
            timing.addObject().put("name", "compile").put("started_at", iso(r.startedAt())).put("completed_at", iso(r.startedAt()));
            timing.addObject().put("name", "execute").put("started_at", iso(r.startedAt())).put("completed_at", iso(r.completedAt()));
            entry.put("thread_id", r.threadId());
            entry.put("execution_time", java.time.Duration.between(r.startedAt(), r.completedAt()).toNanos() / 1e9);
        }
        root.put("elapsed_time", elapsed);
        Files.createDirectories(targetDir);
        Path partial = targetDir.resolve("sources.json.tmp");
        JSON.writeValue(partial.toFile(), root);
        Files.move(partial, targetDir.resolve("sources.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
