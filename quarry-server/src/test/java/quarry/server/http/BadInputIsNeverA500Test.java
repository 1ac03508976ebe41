package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * User errors on the write and query paths, over raw HTTP: each answers a 4xx in Rockset's error
 * shape without a stack trace, and writes nothing.
 */
class BadInputIsNeverA500Test {

    private static RunningServer server;
    private static final String DOCS = "/v1/orgs/self/ws/commons/collections/bad/docs";
    private static final String QUERIES = "/v1/orgs/self/queries";

    @BeforeAll
    static void start() {
        server = new RunningServer();
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"bad\"}");
        server.send("POST", DOCS, "{\"data\":[{\"_id\":\"keep\",\"a\":1}]}");
        RunningServer.Reply badop = server.send("POST", "/v1/orgs/self/ws/commons/collections",
                "{\"name\":\"badop\",\"field_mapping_query\":"
                + "{\"sql\":\"SELECT *, 'MERGE' AS _op FROM _input\"}}");
        RunningServer.Reply badtyped = server.send("POST", "/v1/orgs/self/ws/commons/collections",
                "{\"name\":\"badtyped\",\"field_mapping_query\":"
                + "{\"sql\":\"SELECT _input._id AS _id, JSON_PARSE('{\\\"__rockset_type\\\":\\\"date\\\","
                + "\\\"value\\\":\\\"not a date\\\"}') AS d FROM _input\"}}");
        assertThat(badop.status()).as(badop.text()).isEqualTo(200);
        assertThat(badtyped.status()).as(badtyped.text()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("POST", DOCS, "{\"data\":\"not an array\"}"),
                Arguments.of("POST", DOCS, "{}"),
                Arguments.of("POST", DOCS, "[1]"),
                Arguments.of("POST", DOCS, "{\"data\":"),
                Arguments.of("PATCH", DOCS, "{\"data\":\"x\"}"),
                Arguments.of("DELETE", DOCS, "{\"data\":\"x\"}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/collections/badop/docs",
                        "{\"data\":[{\"_id\":\"x\",\"a\":1}]}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/collections/badtyped/docs",
                        "{\"data\":[{\"_id\":\"x\",\"a\":1}]}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"INSERT INTO bad SELECT 'y' AS _id, 'MERGE' AS _op\"}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":\"SELECT 1\"}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT :a\"}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT :a\",\"parameters\":"
                        + "[{\"name\":\"a\",\"type\":\"int\",\"value\":\"x\"}]}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT :a\",\"parameters\":"
                        + "[{\"name\":\"a\",\"type\":\"date\",\"value\":\"x\"}]}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT 1\",\"default_row_limit\":\"abc\"}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT 1\",\"default_row_limit\":-1}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT 1\"},\"max_initial_results\":-5}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT 1\"},\"async_options\":"
                        + "{\"client_timeout_ms\":\"x\"}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT CAST('x' AS int)\"}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"SELECT 1/0 FROM bad WHERE a = 'x'\"}}"),
                Arguments.of("GET", QUERIES + "/nope", null),
                Arguments.of("GET", QUERIES + "/nope/pages?cursor=zz", null),
                Arguments.of("POST", "/v1/orgs/self/queries/validations", "{\"sql\":{\"query\":\"SELEC 1\"}}"),
                Arguments.of("POST", QUERIES, "{\"sql\":{\"query\":\"INSERT INTO nowhere SELECT 'y' AS _id\"}}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":123}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"ok\",\"retention_secs\":\"x\"}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"ok2\",\"field_mapping_query\":"
                        + "{\"sql\":\"SELECT nosuchfn(1) FROM _input\"}}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/views", "{\"name\":\"v\",\"query\":\"SELECT * FROM nowhere\"}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/aliases", "{\"name\":\"a\",\"collections\":[\"commons.nowhere\"]}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/aliases", "{\"name\":\"a2\",\"collections\":\"x\"}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/lambdas", "{\"name\":\"l\",\"sql\":{\"query\":\"SELEC\"}}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/lambdas", "{\"name\":\"l2\",\"sql\":\"x\"}"),
                Arguments.of("POST", "/v1/orgs/self/ws/commons/collections/bad/offsets/commit", "{\"name\":[1]}"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badRequests")
    void aBadRequestIsA4xxInRocksetsErrorShape(String method, String path, String body) {
        RunningServer.Reply r = server.send(method, path, body);
        assertThat(r.status()).as(r.text()).isBetween(400, 499);
        assertThat(r.body().path("message").asText()).isNotBlank();
        assertThat(r.body().path("type").asText()).isNotBlank();
        assertThat(r.body().has("trace_id")).isTrue();
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at quarry.");
    }

    @Test
    void aNonObjectDocumentIsAnErrorForThatDocumentOnly() {
        RunningServer.Reply r = server.send("POST", DOCS, "{\"data\":[1]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/data/0/status").asText()).isEqualTo("ERROR");
        assertThat(r.body().at("/data/0/error/type").asText()).isEqualTo("INVALIDINPUT");
    }

    @Test
    void anIngestTransformationProducingAnInvalidValueIsA400NamingIt() {
        RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/badtyped/docs",
                "{\"data\":[{\"_id\":\"x\",\"a\":1}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("type").asText()).isEqualTo("INVALIDINPUT");
        assertThat(r.body().path("message").asText()).contains("ingest transformation").contains("not a date");
        assertThat(server.query("SELECT count(*) AS n FROM badtyped").body().at("/results/0/n").asInt()).isZero();
    }

    @Test
    void anEventTimeThatIsNoTimestampIsRefusedOnBothWritePaths() {
        RunningServer.Reply api = server.send("POST", DOCS, "{\"data\":[{\"_id\":\"e1\",\"_event_time\":\"x\"}]}");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().at("/data/0/status").asText()).isEqualTo("ERROR");
        assertThat(api.body().at("/data/0/error/message").asText()).contains("_event_time");
        RunningServer.Reply insert = server.query("INSERT INTO bad SELECT 'e2' AS _id, 'x' AS _event_time");
        assertThat(insert.status()).isEqualTo(400);
        assertThat(insert.body().path("message").asText()).contains("_event_time");
        RunningServer.Reply good = server.query(
                "INSERT INTO bad SELECT 'e3' AS _id, '2024-01-02T03:04:05Z' AS _event_time");
        assertThat(good.status()).as(good.text()).isEqualTo(200);
        assertThat(server.query("SELECT _id FROM bad WHERE _id LIKE 'e%'").body().at("/results").toString())
                .isEqualTo("[{\"_id\":\"e3\"}]");
    }

    @Test
    void aRejectedIngestWritesNothing() {
        server.send("POST", "/v1/orgs/self/ws/commons/collections/badop/docs", "{\"data\":[{\"_id\":\"x\",\"a\":1}]}");
        server.send("POST", QUERIES, "{\"sql\":{\"query\":\"INSERT INTO bad SELECT 'y' AS _id, 'MERGE' AS _op\"}}");
        assertThat(server.query("SELECT count(*) AS n FROM badop").body().at("/results/0/n").asInt()).isZero();
        assertThat(server.query("SELECT _id FROM bad").body().at("/results").size()).isEqualTo(1);
    }
}
