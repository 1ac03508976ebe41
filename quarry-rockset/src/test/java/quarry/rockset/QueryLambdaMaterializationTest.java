package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;
import quarry.core.adapter.RelationType;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;
import quarry.server.http.TrafficLimits;

/** The query_lambda materialization against a real quarry-server. */
class QueryLambdaMaterializationTest {

    private static final String KEY = "queryLambdaTestKey0123456789abcdef";
    private static QuarryServer server;
    private static RocksetConnection connection;
    private static QueryLambdas lambdas;

    @BeforeAll
    static void start() {
        server = QuarryServer.start(ServerConfig.defaults().withMemoryKey(KEY)
                .withLog(new PrintStream(OutputStream.nullOutputStream())));
        connection = connect(server);
        lambdas = new QueryLambdas(connection.client());
        connection.build(new BuildRequest("model.p.orders", "table", RocksetRelation.of("ql", "orders", RelationType.TABLE),
                "SELECT 'a' AS order_id, 1 AS n UNION ALL SELECT 'b' AS order_id, 2 AS n UNION ALL SELECT 'c' AS order_id, 3 AS n",
                Map.of(), false, false, Optional.empty()));
    }

    private static RocksetConnection connect(QuarryServer target) {
        RocksetClient client = new RocksetClient(target.url(), KEY, new RetryPolicy(8, Duration.ofMillis(50), Duration.ofSeconds(2)),
                Duration.ofSeconds(60), "quarry-test");
        return new RocksetConnection(client, new RelationOperations(client,
                new Poller(Duration.ofSeconds(30), Duration.ofMillis(100)), RelationOperations.InsertSettings.DEFAULT), () -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static BuildResult build(RocksetConnection on, String ws, String name, String sql, Map<String, Object> config) {
        return on.build(new BuildRequest("model.p." + name, "query_lambda", RocksetRelation.of(ws, name, RelationType.TABLE),
                sql, config, false, false, Optional.empty()));
    }

    @Test
    void firstBuildCreatesTheLambdaWithDefaultParametersAndModelTags() {
        Map<String, Object> config = Map.of("tags", List.of("prod", "reporting"), "parameters",
                List.of(Map.of("name", "min", "type", "int", "value", "2")));
        BuildResult built = build(connection, "ql", "big_orders", "SELECT order_id FROM ql.orders WHERE n >= :min ORDER BY order_id", config);
        assertThat(built.message()).startsWith("CREATE QUERY LAMBDA version ");
        String version = built.message().substring("CREATE QUERY LAMBDA version ".length());
        assertThat(lambdas.tag("ql", "big_orders", "prod")).map(v -> v.path("version").asText()).contains(version);
        assertThat(lambdas.tag("ql", "big_orders", "reporting")).map(v -> v.path("version").asText()).contains(version);
        assertThat(lambdas.execute("ql", "big_orders", "prod", List.of())).extracting(r -> r.path("order_id").asText())
                .containsExactly("b", "c");
        assertThat(lambdas.execute("ql", "big_orders", "prod", List.of(new QueryLambdas.Parameter("min", "int", "3"))))
                .extracting(r -> r.path("order_id").asText()).containsExactly("c");
    }

    @Test
    void aChangedModelAddsAVersionAndMovesItsTagsWhileAnUnchangedOneKeepsItsVersion() {
        Map<String, Object> config = Map.of("tags", List.of("live"));
        String first = build(connection, "ql", "counted", "SELECT COUNT(*) AS c FROM ql.orders", config).message();
        String firstVersion = first.substring(first.lastIndexOf(' ') + 1);
        BuildResult unchanged = build(connection, "ql", "counted", "SELECT COUNT(*) AS c FROM ql.orders", config);
        assertThat(unchanged.message()).isEqualTo("OK unchanged version " + firstVersion);
        BuildResult changed = build(connection, "ql", "counted", "SELECT COUNT(*) AS c FROM ql.orders WHERE n > 1", config);
        assertThat(changed.message()).startsWith("NEW VERSION ");
        String secondVersion = changed.message().substring("NEW VERSION ".length());
        assertThat(secondVersion).isNotEqualTo(firstVersion);
        assertThat(lambdas.tag("ql", "counted", "live")).map(v -> v.path("version").asText()).contains(secondVersion);
        assertThat(lambdas.get("ql", "counted")).map(l -> l.path("version_count").asInt()).contains(2);
        List<JsonNode> rows = lambdas.execute("ql", "counted", "latest", List.of());
        assertThat(rows).extracting(r -> r.path("c").asLong()).containsExactly(2L);
    }

    @Test
    void malformedParametersAreAClearError() {
        assertThatThrownBy(() -> build(connection, "ql", "bad", "SELECT 1", Map.of("parameters", List.of(Map.of("name", "x")))))
                .hasMessageContaining("needs a name and a type");
    }

    @Test
    void dropSchemaDeletesTheLambdasOfTheWorkspace() {
        build(connection, "ql_drop", "gone", "SELECT 1 AS one", Map.of());
        assertThat(lambdas.get("ql_drop", "gone")).isPresent();
        connection.dropSchema(null, "ql_drop");
        assertThat(connection.client().getWorkspace("ql_drop")).isEmpty();
    }

    @Test
    void aRateLimitedServerIsRetriedWithBackoffUntilTheLambdaIsBuilt() {
        try (QuarryServer limited = QuarryServer.start(ServerConfig.defaults().withMemoryKey(KEY)
                .withTraffic(TrafficLimits.none().withRate(5, 1))
                .withLog(new PrintStream(OutputStream.nullOutputStream())))) {
            RocksetConnection throttled = connect(limited);
            for (int i = 0; i < 3; i++) {
                BuildResult built = build(throttled, "rl", "lambda_" + i, "SELECT " + i + " AS n", Map.of("tags", List.of("a", "b")));
                assertThat(built.message()).startsWith("CREATE QUERY LAMBDA");
            }
            assertThat(new QueryLambdas(throttled.client()).list("rl")).hasSize(3);
        }
    }
}
