package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code quarry run}: a real {@code quarry} process gets SIGINT while its table's
 * INSERT INTO runs on the server; it cancels that query and exits 2 with dbt's message.
 */
class InterruptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @EnabledOnOs(OS.LINUX)
    void ctrlCCancelsTheRunningQueryAndExitsTwo(@TempDir Path dir) throws Exception {
        try (CliProject project = new CliProject(dir, "intr")) {
            StringBuilder csv = new StringBuilder("id\n");
            for (int i = 1; i <= 300; i++) {
                csv.append(i).append('\n');
            }
            project.write("seeds/ids.csv", csv.toString());
            project.write("models/slow.sql", "{{ config(materialized='table') }}\n"
                    + "select count(*) as n from {{ ref('ids') }} a cross join {{ ref('ids') }} b cross join {{ ref('ids') }} c"
                    + " cross join {{ ref('ids') }} d cross join {{ ref('ids') }} e where a.id + b.id + c.id + d.id + e.id > 0");
            CliProject.Outcome seeded = project.quarry("seed");
            assertThat(seeded.exitCode()).as(seeded.all()).isZero();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process quarry = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "quarry.cli.Main",
                    "run", "--select", "slow", "--project-dir", dir.toString(), "--profiles-dir", dir.toString())
                    .redirectErrorStream(true).start();
            StringBuffer output = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(quarry.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        output.append(line).append('\n');
                    }
                } catch (IOException e) {
                    output.append("read failed: ").append(e);
                }
            });
            reader.start();
            try {
                String queryId = awaitRunningQuery(project, quarry, output);
                new ProcessBuilder("kill", "-INT", String.valueOf(quarry.pid())).start().waitFor(10, TimeUnit.SECONDS);
                assertThat(quarry.waitFor(60, TimeUnit.SECONDS)).as(output.toString()).isTrue();
                reader.join(10_000);
                assertThat(quarry.exitValue()).as(output.toString()).isEqualTo(2);
                assertThat(output.toString()).contains("CTRL-C detected", "CANCEL query " + queryId, "ctrl-c");
                assertThat(status(project, queryId)).isEqualTo("CANCELLED");
                assertThat(Files.readString(dir.resolve("target/run_results.json"))).doesNotContain("model.proj.slow");
            } finally {
                quarry.destroyForcibly();
            }
        }
    }

    /** Polls the server (bounded) until the run's INSERT INTO is running, and returns its id. */
    private String awaitRunningQuery(CliProject project, Process quarry, StringBuffer output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long pause = 10;
        while (System.nanoTime() < deadline) {
            assertThat(quarry.isAlive()).as("quarry ended before its query ran:\n" + output).isTrue();
            JsonNode queries = get(project, "/v1/orgs/self/queries").path("data");
            for (JsonNode query : queries) {
                if (query.path("status").asText().equals("RUNNING")) {
                    return query.path("query_id").asText();
                }
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 500);
        }
        throw new AssertionError("no query started within 120 s:\n" + output);
    }

    private String status(CliProject project, String queryId) throws Exception {
        return get(project, "/v1/orgs/self/queries/" + queryId).path("data").path("status").asText();
    }

    private JsonNode get(CliProject project, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(project.server().url() + path))
                .header("Authorization", "ApiKey " + CliProject.KEY).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
