package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** field_mapping_query (spec §5.9) on the Write API and INSERT INTO, over real HTTP. */
class IngestTransformationTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = new RunningServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RunningServer.Reply create(String name, String mapping) {
        return server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"" + name
                + "\",\"field_mapping_query\":{\"sql\":" + RunningServer.quote(mapping) + "}}");
    }

    private static RunningServer.Reply add(String collection, String docs) {
        return server.send("POST", "/v1/orgs/self/ws/commons/collections/" + collection + "/docs",
                "{\"data\":" + docs + "}");
    }

    private static JsonNode rows(String sql) {
        RunningServer.Reply r = server.query(sql);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("results");
    }

    @Test
    void projectionTryCastSha256AndFilterShapeEveryDocument() {
        assertThat(create("people_t", "SELECT _input._id AS _id, TRY_CAST(_input.id AS int) AS id,"
                + " SHA256(_input.name) AS name_anon, _input.country AS country FROM _input"
                + " WHERE _input.country != 'xx'").status()).isEqualTo(200);
        RunningServer.Reply added = add("people_t", "[{\"_id\":\"a\",\"id\":\"12\",\"name\":\"ann\",\"country\":\"fr\"},"
                + "{\"_id\":\"b\",\"id\":\"1\",\"name\":\"bob\",\"country\":\"xx\"},"
                + "{\"_id\":\"c\",\"id\":\"seven\",\"name\":\"cy\",\"country\":\"de\"}]");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        JsonNode r = rows("SELECT * FROM people_t ORDER BY _id");
        assertThat(r).hasSize(2);
        assertThat(r.get(0).get("_id").asText()).isEqualTo("a");
        assertThat(r.get(0).get("id").isIntegralNumber()).isTrue();
        assertThat(r.get(0).get("id").asLong()).isEqualTo(12);
        assertThat(r.get(0).has("name")).isFalse();
        JsonNode expectedHash = rows("SELECT SHA256('ann') AS h").get(0).get("h");
        assertThat(r.get(0).get("name_anon")).isEqualTo(expectedHash);
        assertThat(r.get(1).get("_id").asText()).isEqualTo("c");
        assertThat(r.get(1).get("id").isNull()).as("TRY_CAST of 'seven' is null").isTrue();
    }

    @Test
    void starExceptDropsAFieldAndKeepsTheRest() {
        create("no_secret", "SELECT * EXCEPT (secret) FROM _input");
        add("no_secret", "[{\"_id\":\"1\",\"user\":\"u\",\"secret\":\"s3cr3t\",\"n\":5}]");
        JsonNode row = rows("SELECT * FROM no_secret").get(0);
        assertThat(row.has("secret")).isFalse();
        assertThat(row.get("user").asText()).isEqualTo("u");
        assertThat(row.get("n").asInt()).isEqualTo(5);
        assertThat(row.get("_id").asText()).isEqualTo("1");
    }

    @Test
    void insertIntoGoesThroughTheTargetsTransformation() {
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"raw_src\"}");
        add("raw_src", "[{\"_id\":\"1\",\"v\":\"10\",\"keep\":true},{\"_id\":\"2\",\"v\":\"x\",\"keep\":false}]");
        create("typed_dst", "SELECT _input._id AS _id, TRY_CAST(_input.v AS int) AS v FROM _input WHERE _input.keep");
        RunningServer.Reply ins = server.query("INSERT INTO typed_dst SELECT * FROM raw_src");
        assertThat(ins.status()).as(ins.text()).isEqualTo(200);
        JsonNode r = rows("SELECT _id, v FROM typed_dst");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("v").asLong()).isEqualTo(10);
    }

    @Test
    void transformationSetOnUpdateAppliesToLaterWrites() {
        server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"later\"}");
        add("later", "[{\"_id\":\"1\",\"a\":1,\"b\":2}]");
        RunningServer.Reply put = server.send("PUT", "/v1/orgs/self/ws/commons/collections/later",
                "{\"field_mapping_query\":{\"sql\":\"SELECT _input._id AS _id, _input.a AS a FROM _input\"}}");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.body().at("/data/field_mapping_query/sql").asText()).startsWith("SELECT _input._id");
        add("later", "[{\"_id\":\"2\",\"a\":1,\"b\":2}]");
        JsonNode r = rows("SELECT * FROM later ORDER BY _id");
        assertThat(r.get(0).has("b")).as("stored before the transformation").isTrue();
        assertThat(r.get(1).has("b")).isFalse();
    }

    @Test
    void aBadTransformationIsRefusedWithA400() {
        RunningServer.Reply syntax = create("bad1", "SELEC * FROM _input");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.body().get("type").asText()).isEqualTo("INVALIDINPUT");
        assertThat(syntax.body().get("message").asText()).contains("field_mapping_query");
        RunningServer.Reply notInput = create("bad2", "SELECT * FROM commons._events");
        assertThat(notInput.status()).isEqualTo(400);
        assertThat(notInput.body().get("message").asText()).contains("FROM _input");
        assertThat(server.send("GET", "/v1/orgs/self/ws/commons/collections/bad1", null).status()).isEqualTo(404);
    }

    @Test
    void identityTransformationKeepsDocumentsAsSent() {
        create("same", "SELECT * FROM _input");
        add("same", "[{\"_id\":\"1\",\"x\":[1,2],\"y\":null}]");
        JsonNode row = rows("SELECT * FROM same").get(0);
        assertThat(row.get("x").toString()).isEqualTo("[1,2]");
        assertThat(row.has("y")).isTrue();
    }

    @Test
    void opSurvivesStarProjectionsAndFieldsNoDocumentHasAreUndefined() {
        create("ops_t", "SELECT * EXCEPT (secret) FROM _input");
        add("ops_t", "[{\"_id\":\"1\",\"a\":1,\"b\":1,\"secret\":\"s\"}]");
        add("ops_t", "[{\"_id\":\"1\",\"b\":2,\"_op\":\"UPDATE\",\"secret\":\"t\"},{\"_id\":\"2\",\"a\":9}]");
        add("ops_t", "[{\"_id\":\"2\",\"_op\":\"DELETE\"}]");
        JsonNode r = rows("SELECT * EXCEPT (_event_time) FROM ops_t ORDER BY _id");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("a").asInt()).isEqualTo(1);
        assertThat(r.get(0).get("b").asInt()).isEqualTo(2);
        assertThat(r.get(0).has("secret")).isFalse();
        assertThat(r.get(0).has("_op")).isFalse();

        create("absent_t", "SELECT _input.a AS a, _input.nowhere AS n FROM _input");
        RunningServer.Reply added = add("absent_t", "[{\"_id\":\"1\",\"a\":1}]");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        JsonNode row = rows("SELECT * EXCEPT (_id, _event_time) FROM absent_t").get(0);
        assertThat(row.get("a").asInt()).isEqualTo(1);
        assertThat(row.has("n")).as("a field no document has stays undefined").isFalse();
    }
}
