package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry docs generate}, {@code source freshness} and {@code persist_docs} over a real quarry-server. */
class DocsAndFreshnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static CliProject project;

    @BeforeAll
    static void build() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        project = new CliProject(dir, "dfr");
        project.write("seeds/events.csv", "id,kind,loaded_at\n"
                        + "1,fresh," + now.minus(Duration.ofMinutes(5)) + "\n"
                        + "2,late," + now.minus(Duration.ofHours(3)) + "\n"
                        + "3,stale," + now.minus(Duration.ofDays(3)) + "\n")
                .write("models/kinds.sql", "{{ config(materialized='table', persist_docs={'relation': true}) }}\n"
                        + "select id, kind from {{ source('raw', 'all_events') }}")
                .write("models/kind_view.sql", "{{ config(persist_docs={'relation': true}) }}\n"
                        + "select kind, id * 10 as tens from {{ ref('kinds') }}")
                .write("models/events_of_kind.sql", "{{ config(materialized='query_lambda', tags=['api'],"
                        + " parameters=[{'name': 'kind', 'type': 'string', 'value': 'fresh'}]) }}\n"
                        + "select id from {{ ref('kinds') }} where kind = :kind")
                .write("models/schema.yml", """
                        version: 2
                        models:
                          - name: kinds
                            description: Every kind of event, one row per event.
                          - name: kind_view
                            description: Kinds with ids times ten.
                        sources:
                          - name: raw
                            schema: dfr
                            loaded_at_field: loaded_at
                            freshness:
                              warn_after: {count: 1, period: hour}
                              error_after: {count: 1, period: day}
                            tables:
                              - name: all_events
                                identifier: events
                                freshness: null
                              - name: fresh_events
                                identifier: events
                                freshness:
                                  warn_after: {count: 1, period: hour}
                                  error_after: {count: 1, period: day}
                                  filter: "kind = 'fresh'"
                              - name: late_events
                                identifier: events
                                freshness:
                                  warn_after: {count: 1, period: hour}
                                  error_after: {count: 1, period: day}
                                  filter: "kind = 'late'"
                              - name: stale_events
                                identifier: events
                                freshness:
                                  warn_after: {count: 1, period: hour}
                                  error_after: {count: 1, period: day}
                                  filter: "kind = 'stale'"
                        """);
        assertThat(project.quarry("seed").exitCode()).isZero();
        CliProject.Outcome built = project.quarry("run");
        assertThat(built.exitCode()).as(built.all()).isZero();
        assertThat(built.out()).contains("OK created sql query_lambda model dfr.events_of_kind");
    }

    @AfterAll
    static void stop() {
        project.close();
    }

    @Test
    void catalogHasTablesAndViewsWithTheirColumnsStatsAndPersistedDescriptions() throws Exception {
        CliProject.Outcome outcome = project.quarry("docs", "generate");
        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("Building catalog", "Catalog written to");
        JsonNode catalog = JSON.readTree(project.read("target/catalog.json"));
        assertThat(catalog.path("metadata").path("dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/catalog/v1.json");
        JsonNode table = catalog.path("nodes").path("model.proj.kinds");
        assertThat(table.path("metadata").path("type").asText()).isEqualTo("COLLECTION");
        assertThat(table.path("metadata").path("comment").asText()).isEqualTo("Every kind of event, one row per event.");
        assertThat(table.path("columns").path("kind").path("index").asInt()).isPositive();
        assertThat(table.path("columns").path("id").path("type").asText()).isNotEmpty();
        assertThat(table.path("stats").path("row_count").path("value").asLong()).isEqualTo(3);
        JsonNode view = catalog.path("nodes").path("model.proj.kind_view");
        assertThat(view.path("metadata").path("type").asText()).isEqualTo("VIEW");
        assertThat(view.path("metadata").path("comment").asText()).isEqualTo("Kinds with ids times ten.");
        assertThat(view.path("columns").has("tens")).isTrue();
        assertThat(catalog.path("nodes").has("model.proj.events_of_kind")).isFalse();
        assertThat(catalog.path("nodes").path("seed.proj.events").path("columns").has("loaded_at")).isTrue();
        assertThat(catalog.path("sources").path("source.proj.raw.all_events").path("columns").has("kind")).isTrue();
        assertThat(JSON.readTree(project.read("target/manifest.json")).path("nodes").path("model.proj.kind_view")
                .path("compiled_code").asText()).contains("\"dfr\".\"kinds\"");
        assertThat(project.read("target/index.html")).contains("catalog.json", "manifest.json");
    }

    @Test
    void freshnessJudgesEachSourceAndWritesSourcesJson() throws Exception {
        CliProject.Outcome outcome = project.quarry("source", "freshness");
        assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(1);
        assertThat(outcome.out()).contains("PASS freshness of raw.fresh_events", "WARN freshness of raw.late_events",
                "ERROR STALE freshness of raw.stale_events", "PASS=1 WARN=1 ERROR=1").doesNotContain("all_events");
        JsonNode sources = JSON.readTree(project.read("target/sources.json"));
        assertThat(sources.path("metadata").path("dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/sources/v3.json");
        assertThat(sources.path("results")).hasSize(3);
        JsonNode late = sources.path("results").get(1);
        assertThat(late.path("unique_id").asText()).isEqualTo("source.proj.raw.late_events");
        assertThat(late.path("status").asText()).isEqualTo("warn");
        assertThat(late.path("max_loaded_at_time_ago_in_s").asDouble()).isBetween(3 * 3600.0 - 60, 3 * 3600.0 + 600);
        assertThat(late.path("criteria").path("warn_after").path("period").asText()).isEqualTo("hour");
    }

    @Test
    void freshnessOfOneSelectedSourcePasses() {
        CliProject.Outcome outcome = project.quarry("source", "freshness", "--select", "source:raw.fresh_events");
        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("1 of 1 PASS freshness of raw.fresh_events", "PASS=1 WARN=0 ERROR=0");
    }
}
