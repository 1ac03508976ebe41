package quarry.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import quarry.core.run.NodeResult;

/**
 * Writes {@code target/run_results.json} in dbt's v6 schema: metadata, one entry per node result,
 * the elapsed time and the invocation's arguments (with secrets already removed by the caller).
 */
public final class RunResultsWriter {

    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/run-results/v6.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The metadata block shared by dbt's artifacts. */
    public record Metadata(String dbtVersion, Instant generatedAt, String invocationId, Instant invocationStartedAt) {}

    private RunResultsWriter() {}

    public static ObjectNode toJson(Metadata metadata, List<NodeResult> results, double elapsedSeconds, Map<String, ?> args) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        meta.put("dbt_schema_version", SCHEMA)
                .put("dbt_version", metadata.dbtVersion())
                .put("generated_at", iso(metadata.generatedAt()))
                .put("invocation_id", metadata.invocationId())
                .put("invocation_started_at", iso(metadata.invocationStartedAt()));
        meta.putObject("env");
        ArrayNode entries = root.putArray("results");
        for (NodeResult result : results) {
            ObjectNode entry = entries.addObject();
            entry.put("status", result.status().wireName());
            ArrayNode timing = entry.putArray("timing");
            result.compile().ifPresent(t -> timing(timing, t));
            result.execute().ifPresent(t -> timing(timing, t));
            entry.put("thread_id", result.threadId());
            entry.put("execution_time", result.executionSeconds());
            ObjectNode response = entry.putObject("adapter_response");
            if (!result.adapterResponse().message().isEmpty()) {
                response.put("_message", result.adapterResponse().message());
                response.put("code", result.adapterResponse().code());
                result.adapterResponse().rowsAffected().ifPresent(n -> response.put("rows_affected", n));
                result.adapterResponse().queryId().ifPresent(id -> response.put("query_id", id));
            }
            entry.put("message", result.message().isEmpty() ? null : result.message());
            if (result.failures().isPresent()) {
                entry.put("failures", result.failures().get());
            } else {
                entry.putNull("failures");
            }
            entry.put("unique_id", result.uniqueId());
            entry.put("compiled", result.compiledCode().isPresent());
            entry.put("compiled_code", result.compiledCode().orElse(null));
            entry.put("relation_name", result.relationName().orElse(null));
            entry.putNull("batch_results");
        }
        root.put("elapsed_time", elapsedSeconds);
        root.set("args", JSON.valueToTree(args));
        return root;
    }

    public static void write(Path targetDir, Metadata metadata, List<NodeResult> results, double elapsedSeconds,
            Map<String, ?> args) throws IOException {
        Files.createDirectories(targetDir);
        Path file = targetDir.resolve("run_results.json");
        Path partial = targetDir.resolve("run_results.json.tmp");
        JSON.writeValue(partial.toFile(), toJson(metadata, results, elapsedSeconds, args));
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void timing(ArrayNode timing, NodeResult.Timing t) {
        timing.addObject().put("name", t.name())
                .put("started_at", iso(t.startedAt()))
                .put("completed_at", iso(t.completedAt()));
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
