package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.adapter.Relation;

/**
 * The server is killed (SIGKILL, a child JVM) while {@code quarry build} fills a table; once it is
 * restarted on the same data dir, no half-built relation is visible under a model's name, and a
 * rerun of {@code build} completes and leaves only the collections that aliases point to.
 */
class ServerCrashDuringBuildTest {

    private static final String KEY = "crashTestKey0123456789abcdef0123";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** base (10 rows) joined with itself five times. */
    private static final long BIG_ROWS = 100_000;

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRerunAfterTheServerDiedMidBuildCompletesAndNothingHalfBuiltIsVisible() throws Exception {
        int port = freePort();
        Path data = dir.resolve("server-data");
        URI url = startServer(data, port);
        AcceptanceServer.Adapter adapter = AcceptanceServer.connect(url, KEY);
        TestProject project = TestProject.in(dir.resolve("project"), url, KEY, adapter, getClass())
                .projectConfig(Map.of("name", "crash"))
                .target("retries", 1)
                .target("threads", 1)
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV))
                .models(Map.of(
                        "small.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('base') }}\n",
                        "big.sql", "{{ config(materialized='table') }}\n"
                                + "select a.id + 10 * (b.id - 1) + 100 * (c.id - 1) + 1000 * (d.id - 1) + 10000 * (e.id - 1) as id,"
                                + " a.id as bucket from {{ ref('base') }} a cross join {{ ref('base') }} b"
                                + " cross join {{ ref('base') }} c cross join {{ ref('base') }} d cross join {{ ref('base') }} e\n",
                        "after_big.sql", "{{ config(materialized='table') }}\nselect bucket, count(*) as n from {{ ref('big') }}"
                                + " group by bucket\n",
                        "big_view.sql", "{{ config(materialized='view') }}\nselect * from {{ ref('after_big') }}\n"))
                .write();

        CompletableFuture<TestProject.Invocation> build = CompletableFuture.supplyAsync(() -> project.invoke("build"));
        await("the build collection of big to exist", () -> hasBuildCollection(adapter, project.schema(), "big"));
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        TestProject.Invocation crashed = build.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(crashed.exitCode()).as(crashed.out()).isNotZero();
        // big failed for the server's disappearance during its insert, not for the clean-up after it
        assertThat(crashed.results()).filteredOn(r -> r.name().equals("big")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("error"))
                .satisfies(r -> assertThat(r.message()).doesNotStartWith("DELETE"));

        startServer(data, port);
        // nothing half-built under a model's name: big is absent or complete, after_big absent or built on a complete big
        List<Relation> visible = project.adapter().listRelations(null, project.schema());
        Set<String> names = new HashSet<>();
        visible.forEach(r -> names.add(r.identifier()));
        assertThat(names).doesNotContainAnyElementsOf(buildCollections(adapter, project.schema()));
        if (names.contains("big")) {
            assertThat(project.count("big")).isEqualTo(BIG_ROWS);
        }
        if (names.contains("after_big")) {
            assertThat(project.count("after_big")).isEqualTo(10);
        }

        List<TestProject.Result> rerun = project.runDbt("build");
        assertThat(rerun).extracting(TestProject.Result::name)
                .containsExactlyInAnyOrder("base", "small", "big", "after_big", "big_view");
        assertThat(rerun).allSatisfy(r -> assertThat(r.status()).isEqualTo("success"));
        assertThat(project.count("big")).isEqualTo(BIG_ROWS);
        assertThat(project.count("big_view")).isEqualTo(10);
        project.assertRelationsEqual("base", "small");
        // only the collections behind the aliases remain: the interrupted build's collection is gone
        Set<String> aliasTargets = new HashSet<>();
        for (JsonNode alias : adapter.connection().client().listAliases(project.schema())) {
            alias.path("collections").forEach(c -> aliasTargets.add(c.asText().substring(c.asText().indexOf('.') + 1)));
        }
        Set<String> collections = new HashSet<>();
        adapter.connection().client().listCollections(project.schema()).forEach(c -> collections.add(c.path("name").asText()));
        assertThat(collections).isEqualTo(aliasTargets);
    }

    private static boolean hasBuildCollection(AcceptanceServer.Adapter adapter, String schema, String model) {
        return buildCollections(adapter, schema).stream().anyMatch(c -> c.startsWith(model + "__"));
    }

    private static Set<String> buildCollections(AcceptanceServer.Adapter adapter, String schema) {
        Set<String> names = new HashSet<>();
        if (adapter.connection().client().getWorkspace(schema).isPresent()) {
            adapter.connection().client().listCollections(schema).forEach(c -> names.add(c.path("name").asText()));
        }
        names.removeIf(n -> !n.contains("__"));
        return names;
    }

    private URI startServer(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildServer.class.getName(),
                data.toString(), String.valueOf(port), KEY)
                .redirectErrorStream(true)
                .start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("READY ")) {
                        return line.substring("READY ".length());
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("the child server exited before it was ready:\n" + seen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return URI.create(ready.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("the child server did not start: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls until the condition holds, failing after a bounded time (no fixed sleeps). */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        long pause = 5;
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
    }
}
