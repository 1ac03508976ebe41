package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.adapter.RelationType;
import quarry.core.graph.Dag;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;
import quarry.core.run.EventLog;
import quarry.core.run.ExecutableNode;
import quarry.core.run.NodeResult;
import quarry.core.run.RunFlags;
import quarry.core.run.RunInvocation;

/**
 * A whole run (seed, models, tests, a failure and its skipped dependants) through the engine's
 * scheduler and the rockset adapter, on a real quarry-server. The nodes hold plain SQL, so the
 * compiler here only resolves relations; Jinja compilation is tested where it lives.
 */
class RunInvocationTest {

    private static TestServer server;
    private static RocksetConnection connection;

    @TempDir
    Path project;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        connection = server.connection();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Node node(ResourceType type, String name, String materialized, String sql, List<String> parents,
            Map<String, Object> extraConfig) {
        Map<String, Object> config = new LinkedHashMap<>(extraConfig);
        if (materialized != null) {
            config.put("materialized", materialized);
        }
        String folder = switch (type) {
            case SEED -> "seeds/";
            case TEST -> "tests/";
            default -> "models/";
        };
        return Node.builder(type, type.dbtName() + ".shop." + name).packageName("shop").name(name)
                .path(name + (type == ResourceType.SEED ? ".csv" : ".sql"))
                .originalFilePath(folder + name + (type == ResourceType.SEED ? ".csv" : ".sql"))
                .fqn(List.of("shop", name)).database("db").schema("runws").alias(name).rawCode(sql)
                .config(config).dependsOnNodes(parents).build();
    }

    @Test
    void aBuildRunsInDagOrderAndAFailedTestSkipsOnlyItsDependants() throws Exception {
        Files.createDirectories(project.resolve("seeds"));
        Files.writeString(project.resolve("seeds/raw.csv"), "id,amount\n1,10\n2,20\n3,\n");
        List<Node> nodes = List.of(
                node(ResourceType.SEED, "raw", null, "", List.of(), Map.of()),
                node(ResourceType.MODEL, "clean", "table", "SELECT id, amount FROM runws.raw", List.of("seed.shop.raw"), Map.of()),
                node(ResourceType.MODEL, "tmp", "ephemeral", "", List.of("model.shop.clean"), Map.of()),
                node(ResourceType.MODEL, "totals", "view", "SELECT SUM(amount) AS total FROM runws.clean",
                        List.of("model.shop.tmp"), Map.of()),
                node(ResourceType.TEST, "not_null_clean_amount", null,
                        "SELECT * FROM runws.clean WHERE amount IS NULL", List.of("model.shop.clean"), Map.of()),
                node(ResourceType.TEST, "warn_only", null, "SELECT * FROM runws.clean WHERE amount > 15",
                        List.of("model.shop.clean"), Map.of("severity", "warn")),
                node(ResourceType.MODEL, "other", "view", "SELECT 1 AS one", List.of(), Map.of()));
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.uniqueId(), n));
        Manifest manifest = new Manifest("shop", byId, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        StringWriter console = new StringWriter();
        EventLog log = new EventLog(new PrintWriter(console), EventLog.Format.TEXT, false,
                Optional.of(project.resolve("logs/dbt.log")), "inv", Clock.systemUTC(), List.of(TestServer.KEY));
        RunInvocation run = new RunInvocation(manifest, Dag.of(manifest),
                node -> new ExecutableNode(node, RocksetRelation.of("runws", node.alias(), RelationType.TABLE),
                        node.rawCode(), node.config(), List.of(), List.of(), false),
                connection, log, project.resolve("target"), node -> project.resolve(node.originalFilePath()),
                new RunInvocation.Settings(2, false, RunFlags.DEFAULT, "1.12.0", "inv", Instant.now(), Map.of()));
        RunInvocation.Outcome outcome = run.run(byId.keySet(), List.of("SELECT 1 AS hook"), List.of());

        Map<String, NodeResult.Status> statuses = new LinkedHashMap<>();
        outcome.results().forEach(r -> statuses.put(r.uniqueId(), r.status()));
        assertThat(statuses).containsEntry("seed.shop.raw", NodeResult.Status.SUCCESS)
                .containsEntry("model.shop.clean", NodeResult.Status.SUCCESS)
                .containsEntry("test.shop.not_null_clean_amount", NodeResult.Status.FAIL)
                .containsEntry("test.shop.warn_only", NodeResult.Status.WARN)
                .containsEntry("model.shop.totals", NodeResult.Status.SKIPPED)
                .containsEntry("model.shop.other", NodeResult.Status.SUCCESS)
                .doesNotContainKey("model.shop.tmp");
        assertThat(outcome.exitCode()).isEqualTo(1);

        String out = console.toString();
        assertThat(out).contains("START seed file runws.raw", "OK loaded seed file runws.raw", "[INSERT 3 in ",
                "OK created sql table model runws.clean", "FAIL 1 not_null_clean_amount", "WARN 1 warn_only",
                "SKIP relation runws.totals", "[SKIP]", "OK hook: shop.on-run-start.0",
                "Completed with 1 error, 0 partial successes, and 1 warning:",
                "Got 1 result, configured to fail if != 0",
                "Done. PASS=3 WARN=1 ERROR=1 SKIP=1 NO-OP=0 REUSED=0 TOTAL=6")
                .doesNotContain(TestServer.KEY);
        assertThat(out).contains("first failing rows of not_null_clean_amount");

        JsonNode runResults = new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
        assertThat(runResults.at("/results").size()).isEqualTo(6);
        assertThat(Files.readString(project.resolve("target/compiled/shop/models/clean.sql")))
                .isEqualTo("SELECT id, amount FROM runws.clean".replace("runws.clean", "runws.raw"));
        assertThat(project.resolve("target/run/shop/models/clean.sql")).exists();
        assertThat(project.resolve("logs/dbt.log")).exists();
    }

    @Test
    void anUnknownMaterializationFailsTheNodeWithAClearMessage() {
        Node custom = node(ResourceType.MODEL, "custom", "my_mat", "SELECT 1 AS a", List.of(), Map.of());
        Manifest manifest = new Manifest("shop", Map.of(custom.uniqueId(), custom), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of());
        StringWriter console = new StringWriter();
        EventLog log = new EventLog(new PrintWriter(console), EventLog.Format.TEXT, false, Optional.empty(), "inv",
                Clock.systemUTC(), List.of());
        RunInvocation.Outcome outcome = new RunInvocation(manifest, Dag.of(manifest),
                node -> new ExecutableNode(node, RocksetRelation.of("runws", node.alias(), RelationType.TABLE),
                        node.rawCode(), node.config(), List.of(), List.of(), false),
                connection, log, project.resolve("target"), node -> project.resolve(node.originalFilePath()),
                new RunInvocation.Settings(1, false, RunFlags.DEFAULT, "1.12.0", "inv", Instant.now(), Map.of()))
                .run(Set.of(custom.uniqueId()), List.of(), List.of());
        assertThat(outcome.results()).singleElement().extracting(NodeResult::status).isEqualTo(NodeResult.Status.ERROR);
        assertThat(console.toString()).contains("no materialization 'my_mat' for this adapter",
                "define no {% materialization my_mat %}");
    }
}
