package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the official client hides: exact bodies, error shapes, omitted keys, the case of type tags. */
class RawHttpTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = new RunningServer();
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"raw\"}");
        server.send("POST", "/v1/orgs/self/ws/commons/collections/raw/docs", "{\"data\":["
                + "{\"_id\":\"1\",\"a\":null,\"b\":1,\"Name\":\"upper\",\"name\":\"lower\","
                + "\"d\":{\"__rockset_type\":\"date\",\"value\":\"2020-03-02\"},"
                + "\"t\":{\"__rockset_type\":\"time\",\"value\":\"12:34:00\"},"
                + "\"dt\":{\"__rockset_type\":\"datetime\",\"value\":\"2020-03-02T10:49:33\"},"
                + "\"ts\":{\"__rockset_type\":\"timestamp\",\"value\":\"2023-08-23T19:03:04.735782Z\"}},"
                + "{\"_id\":\"2\",\"b\":2}]}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertErrorShape(JsonNode body, String type) {
        assertThat(body.path("type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.has("line")).isTrue();
        assertThat(body.has("column")).isTrue();
        assertThat(body.has("trace_id")).isTrue();
        assertThat(body.has("error_id")).isTrue();
        assertThat(body.has("query_id")).isTrue();
        assertThat(body.toString()).doesNotContain("at quarry.").doesNotContain("Exception");
    }

    @Test
    void rootAnswersWithoutAuth() {
        var r = server.send("GET", "/", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{\"message\":\"GO ROCKSET!\"}");
    }

    @Test
    void apiKeySchemeIsCaseInsensitiveAndABadKeyIs401() {
        assertThat(server.send("GET", "/v1/orgs/self", null, "apikey " + RunningServer.KEY).status()).isEqualTo(200);
        assertThat(server.send("GET", "/v1/orgs/self", null, "APIKEY " + RunningServer.KEY).status()).isEqualTo(200);
        var missing = server.send("GET", "/v1/orgs/self", null, null);
        assertThat(missing.status()).isEqualTo(401);
        assertErrorShape(missing.body(), "AUTHEXCEPTION");
        var wrong = server.send("GET", "/v1/orgs/self", null, "ApiKey nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text()).doesNotContain("nope");
        assertThat(server.send("GET", "/v1/orgs/self", null, "Bearer " + RunningServer.KEY).status()).isEqualTo(401);
    }

    @Test
    void badRequestsGetRocksetErrorShapes() {
        var route = server.send("GET", "/v1/orgs/self/nothing-here", null);
        assertThat(route.status()).isEqualTo(404);
        assertErrorShape(route.body(), "NOTFOUND");
        var method = server.send("PATCH", "/v1/orgs/self/ws", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertErrorShape(method.body(), "METHODNOTALLOWED");
        var malformed = server.send("POST", "/v1/orgs/self/ws", "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertErrorShape(malformed.body(), "INVALIDINPUT");
        var wrongType = server.send("POST", "/v1/orgs/self/ws", "{\"name\":5}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("message").asText()).contains("\"name\" must be a string");
        var badName = server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"no spaces\"}");
        assertThat(badName.status()).isEqualTo(400);
        var notArray = server.send("POST", "/v1/orgs/self/ws/commons/collections/raw/docs", "{\"data\":{}}");
        assertThat(notArray.status()).isEqualTo(400);
        var badQuery = server.send("POST", "/v1/orgs/self/queries", "{\"sql\":{\"query\":5}}");
        assertThat(badQuery.status()).isEqualTo(400);
        var noSql = server.send("POST", "/v1/orgs/self/queries", "{}");
        assertThat(noSql.status()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAndBatchesAreRejectedAndWriteNothing() {
        String big = "{\"data\":[{\"x\":\"" + "y".repeat(11 * 1024 * 1024) + "\"}]}";
        var tooBig = server.send("POST", "/v1/orgs/self/ws/commons/collections/raw/docs", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertErrorShape(tooBig.body(), "CONTENTTOOLARGE");
        assertThat(tooBig.body().path("message").asText()).isEqualTo("Payload size exceeds limit of 10,485,760 bytes");

        StringBuilder many = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 20_001; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        var tooMany = server.send("POST", "/v1/orgs/self/ws/commons/collections/raw/docs", many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("message").asText()).isEqualTo("The number of documents specified in this"
                + " request exceeds the maximum allowed limit of 20,000 documents");
        assertThat(server.query("SELECT count(*) AS n FROM raw").body().path("results").get(0).path("n").asLong())
                .isEqualTo(2);
    }

    @Test
    void undefinedKeysAreOmittedAndNullsKept() {
        var r = server.query("SELECT _id, a, b, c FROM raw ORDER BY _id");
        JsonNode rows = r.body().path("results");
        assertThat(rows.get(0).has("a")).isTrue();
        assertThat(rows.get(0).get("a").isNull()).isTrue();
        assertThat(rows.get(0).has("c")).isFalse();
        assertThat(rows.get(1).has("a")).isFalse();
        assertThat(rows.get(1).get("b").asInt()).isEqualTo(2);
        var undefined = server.query("SELECT _id FROM raw WHERE a IS UNDEFINED").body().path("results");
        assertThat(undefined).hasSize(1);
        assertThat(undefined.get(0).get("_id").asText()).isEqualTo("2");
        assertThat(server.query("SELECT _id FROM raw WHERE a IS NULL").body().path("results")).hasSize(2);
    }

    @Test
    void fieldNamesAreCaseSensitive() {
        JsonNode row = server.query("SELECT Name, name FROM raw WHERE _id = '1'").body().path("results").get(0);
        assertThat(row.get("Name").asText()).isEqualTo("upper");
        assertThat(row.get("name").asText()).isEqualTo("lower");
        JsonNode star = server.query("SELECT * FROM raw WHERE _id = '1'").body().path("results").get(0);
        assertThat(star.get("Name").asText()).isEqualTo("upper");
        assertThat(star.get("name").asText()).isEqualTo("lower");
        assertThat(star.has("_nulls")).isFalse();
        assertThat(server.query("SELECT NAME FROM raw WHERE _id = '1'").body().path("results").get(0).has("NAME"))
                .isFalse();
    }

    @Test
    void typedValuesAreWrappedWithUpperCaseTagsAndTimestampsAreIsoZ() {
        var r = server.query("SELECT d, t, dt, ts FROM raw WHERE _id = '1'");
        JsonNode row = r.body().path("results").get(0);
        assertThat(row.get("d").toString()).isEqualTo("{\"__rockset_type\":\"DATE\",\"value\":\"2020-03-02\"}");
        assertThat(row.get("t").toString()).isEqualTo("{\"__rockset_type\":\"TIME\",\"value\":\"12:34:00\"}");
        assertThat(row.get("dt").toString())
                .isEqualTo("{\"__rockset_type\":\"DATETIME\",\"value\":\"2020-03-02T10:49:33.000000\"}");
        assertThat(row.get("ts").asText()).isEqualTo("2023-08-23T19:03:04.735782Z");
        JsonNode et = server.query("SELECT _event_time FROM raw LIMIT 1").body().path("results").get(0);
        assertThat(et.get("_event_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void columnFieldsAreAbsentForSelectStarAndNamedOtherwise() {
        assertThat(server.query("SELECT * FROM raw").body().has("column_fields")).isFalse();
        JsonNode fields = server.query("SELECT 1, count(*) FROM raw").body().path("column_fields");
        assertThat(fields.toString()).isEqualTo("[{\"name\":\"?field0\",\"type\":\"\"},{\"name\":\"?count\",\"type\":\"\"}]");
    }

    @Test
    void queryErrorsCarryLineColumnAndErrorId() {
        var r = server.query("SELECT 1\nFROM raw\nWHERE COUT(b) > 1");
        assertThat(r.status()).isEqualTo(400);
        assertErrorShape(r.body(), "QUERY_ERROR");
        assertThat(r.body().path("line").asInt()).isEqualTo(3);
        assertThat(r.body().path("column").asInt()).isEqualTo(7);
        assertThat(r.body().path("error_id").asText()).isEqualTo("function_not_found");
        var missing = server.query("SELECT * FROM ws_nope.c");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("message").asText()).contains("ws_nope");
    }

    @Test
    void timeoutIsA408WithRocksetsMessage() {
        StringBuilder docs = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 3000; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append('}');
        }
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"slowraw\"}");
        server.send("POST", "/v1/orgs/self/ws/commons/collections/slowraw/docs", docs.append("]}").toString());
        var r = server.send("POST", "/v1/orgs/self/queries", "{\"timeout_ms\":200,\"sql\":{\"query\":"
                + "\"SELECT count(*) FROM slowraw a, slowraw b, slowraw c WHERE a.i + b.i * c.i = -1\"}}");
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.body().path("type").asText()).isEqualTo("QUERY_TIMEOUT");
        assertThat(r.body().path("message").asText()).isEqualTo("Query timeout reached. To extend the query timeout,"
                + " run an async query by setting `async` to true.  Otherwise, please upgrade to a larger Virtual"
                + " Instance or contact Rockset customer support for assistance constructing a more efficient query.");
        assertThat(r.body().path("error_id").asText()).isEmpty();
        assertThat(r.body().path("query_id").asText()).isNotBlank();
    }

    @Test
    void asyncInsertReportsTheTopLevelLastOffset() throws Exception {
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"asyncins\"}");
        var queued = server.send("POST", "/v1/orgs/self/queries",
                "{\"async\":true,\"sql\":{\"query\":\"INSERT INTO asyncins SELECT 1 AS x\"}}");
        assertThat(queued.body().has("results")).isFalse();
        assertThat(queued.body().path("status").asText()).isIn("QUEUED", "RUNNING", "COMPLETED");
        String id = queued.body().path("query_id").asText();
        JsonNode info = server.send("GET", "/v1/orgs/self/queries/" + id, null).body();
        for (int i = 0; i < 200 && !info.path("data").path("status").asText().equals("COMPLETED"); i++) {
            Thread.sleep(20);
            info = server.send("GET", "/v1/orgs/self/queries/" + id, null).body();
        }
        assertThat(info.path("data").path("status").asText()).isEqualTo("COMPLETED");
        String fence = info.path("last_offset").asText();
        assertThat(fence).isNotBlank();
        var commit = server.send("GET", "/v1/orgs/self/ws/commons/collections/asyncins/offsets/commit?fence=" + fence,
                null);
        assertThat(commit.body().path("data").path("passed").asBoolean()).isTrue();
        assertThat(commit.body().path("offsets").path("commit").asText()).isEqualTo(fence);
        assertThat(server.send("GET", "/v1/orgs/self/queries/nope", null).status()).isEqualTo(404);
    }

    @Test
    void requestLogHasOneLinePerRequestAndNeverTheKey() {
        server.send("GET", "/v1/orgs/self/ws", null);
        String log = server.logText();
        assertThat(log).contains("GET /v1/orgs/self/ws 200 ");
        assertThat(log).doesNotContain(RunningServer.KEY);
        assertThat(log.lines().filter(l -> l.contains("GET /v1/orgs/self/ws 200")).findFirst().orElseThrow())
                .matches(".*GET /v1/orgs/self/ws 200 \\d+ms");
    }

    @Test
    void jsonPatchOpsAreCaseInsensitiveAndIncrementAdds() {
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"patched\"}");
        server.send("POST", "/v1/orgs/self/ws/commons/collections/patched/docs",
                "{\"data\":[{\"_id\":\"p\",\"n\":1,\"o\":{\"x\":1}}]}");
        var r = server.send("PATCH", "/v1/orgs/self/ws/commons/collections/patched/docs", "{\"data\":[{\"_id\":\"p\","
                + "\"patch\":[{\"op\":\"increment\",\"path\":\"/n\",\"value\":4},{\"op\":\"Add\",\"path\":\"/o/y\","
                + "\"value\":2},{\"op\":\"REMOVE\",\"path\":\"/o/x\"}]},{\"_id\":\"missing\",\"patch\":[]}]}");
        assertThat(r.body().path("data").get(0).path("status").asText()).isEqualTo("PATCHED");
        assertThat(r.body().path("data").get(1).path("status").asText()).isEqualTo("ERROR");
        JsonNode row = server.query("SELECT n, o FROM patched").body().path("results").get(0);
        assertThat(row.get("n").asLong()).isEqualTo(5);
        assertThat(row.get("o").toString()).isEqualTo("{\"y\":2}");
    }
}
