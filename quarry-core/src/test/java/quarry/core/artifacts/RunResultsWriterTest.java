package quarry.core.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.run.NodeResult;

class RunResultsWriterTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant T1 = Instant.parse("2026-01-02T03:04:06.250Z");

    @TempDir
    Path target;

    @Test
    void writesTheV6ShapeWithStatusesTimingsAndAdapterResponses() throws Exception {
        NodeResult model = new NodeResult("model.shop.orders", NodeResult.Status.SUCCESS, "OK",
                Optional.of(new NodeResult.Timing("compile", T0, T0)), Optional.of(new NodeResult.Timing("execute", T0, T1)),
                "Thread-1", 1.25, new NodeResult.AdapterResponse("INSERT 99", "INSERT", Optional.of(99L), Optional.of("q1")),
                Optional.empty(), Optional.of("select 1"), Optional.of("\"shop\".\"orders\""));
        NodeResult test = new NodeResult("test.shop.not_null_orders_id.abc", NodeResult.Status.FAIL,
                "Got 3 results, configured to fail if != 0", Optional.empty(), Optional.empty(), "Thread-2", 0.1,
                NodeResult.AdapterResponse.NONE, Optional.of(3L), Optional.empty(), Optional.empty());
        RunResultsWriter.write(target, new RunResultsWriter.Metadata("1.12.0", T1, "inv", T0),
                List.of(model, test, NodeResult.skipped("model.shop.x", "Thread-1")), 2.5, Map.of("which", "build"));

        JsonNode json = new ObjectMapper().readTree(target.resolve("run_results.json").toFile());
        assertThat(json.at("/metadata/dbt_schema_version").asText()).endsWith("/run-results/v6.json");
        assertThat(json.at("/metadata/invocation_id").asText()).isEqualTo("inv");
        assertThat(json.at("/results/0/status").asText()).isEqualTo("success");
        assertThat(json.at("/results/0/timing/1/completed_at").asText()).isEqualTo("2026-01-02T03:04:06.250Z");
        assertThat(json.at("/results/0/adapter_response/rows_affected").asLong()).isEqualTo(99);
        assertThat(json.at("/results/0/relation_name").asText()).isEqualTo("\"shop\".\"orders\"");
        assertThat(json.at("/results/1/status").asText()).isEqualTo("fail");
        assertThat(json.at("/results/1/failures").asLong()).isEqualTo(3);
        assertThat(json.at("/results/2/status").asText()).isEqualTo("skipped");
        assertThat(json.at("/results/2/adapter_response").isEmpty()).isTrue();
        assertThat(json.at("/elapsed_time").asDouble()).isEqualTo(2.5);
        assertThat(json.at("/args/which").asText()).isEqualTo("build");
    }
}
