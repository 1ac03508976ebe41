package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole {@code _op} set of spec §5.4, on the Write API and INSERT INTO. */
class WriteOperationsTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = new RunningServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void collection(String name) {
        assertThat(server.send("POST", "/v1/orgs/self/ws/commons/collections", "{\"name\":\"" + name + "\"}")
                .status()).isEqualTo(200);
    }

    private static void add(String collection, String docs) {
        RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/" + collection + "/docs",
                "{\"data\":" + docs + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static JsonNode doc(String collection, String id) {
        JsonNode r = server.query("SELECT * EXCEPT (_event_time) FROM " + collection + " WHERE _id = '" + id + "'")
                .body().get("results");
        return r.isEmpty() ? null : r.get(0);
    }

    @Test
    void insertOnlyAddsAbsentDocuments() {
        collection("op_insert");
        add("op_insert", "[{\"_id\":\"1\",\"a\":1}]");
        add("op_insert", "[{\"_id\":\"1\",\"a\":2,\"_op\":\"INSERT\"},{\"_id\":\"2\",\"a\":3,\"_op\":\"insert\"}]");
        assertThat(doc("op_insert", "1").get("a").asInt()).isEqualTo(1);
        assertThat(doc("op_insert", "2").get("a").asInt()).isEqualTo(3);
        assertThat(doc("op_insert", "2").has("_op")).as("_op is never stored").isFalse();
    }

    @Test
    void updateMergesIntoStoredDocumentsAndSkipsMissingOnes() {
        collection("op_update");
        add("op_update", "[{\"_id\":\"1\",\"a\":1,\"b\":1}]");
        add("op_update", "[{\"_id\":\"1\",\"b\":2,\"c\":3,\"_op\":\"UPDATE\"},{\"_id\":\"9\",\"a\":1,\"_op\":\"UPDATE\"}]");
        JsonNode d = doc("op_update", "1");
        assertThat(d.get("a").asInt()).isEqualTo(1);
        assertThat(d.get("b").asInt()).isEqualTo(2);
        assertThat(d.get("c").asInt()).isEqualTo(3);
        assertThat(doc("op_update", "9")).isNull();
    }

    @Test
    void upsertMergesOrInserts() {
        collection("op_upsert");
        add("op_upsert", "[{\"_id\":\"1\",\"a\":1,\"b\":1}]");
        add("op_upsert", "[{\"_id\":\"1\",\"b\":5,\"_op\":\"UPSERT\"},{\"_id\":\"2\",\"b\":6,\"_op\":\"UPSERT\"}]");
        assertThat(doc("op_upsert", "1").get("a").asInt()).isEqualTo(1);
        assertThat(doc("op_upsert", "1").get("b").asInt()).isEqualTo(5);
        assertThat(doc("op_upsert", "2").get("b").asInt()).isEqualTo(6);
    }

    @Test
    void replaceOnlyReplacesStoredDocumentsAndRepsertReplacesOrInserts() {
        collection("op_replace");
        add("op_replace", "[{\"_id\":\"1\",\"a\":1,\"b\":1}]");
        add("op_replace", "[{\"_id\":\"1\",\"b\":7,\"_op\":\"REPLACE\"},{\"_id\":\"2\",\"b\":7,\"_op\":\"REPLACE\"},"
                + "{\"_id\":\"3\",\"b\":8,\"_op\":\"REPSERT\"}]");
        assertThat(doc("op_replace", "1").has("a")).isFalse();
        assertThat(doc("op_replace", "1").get("b").asInt()).isEqualTo(7);
        assertThat(doc("op_replace", "2")).isNull();
        assertThat(doc("op_replace", "3").get("b").asInt()).isEqualTo(8);
    }

    @Test
    void deleteRemovesAndOperationsOnOneIdInOneBatchApplyInOrder() {
        collection("op_order");
        add("op_order", "[{\"_id\":\"1\",\"a\":1},{\"_id\":\"1\",\"b\":2,\"_op\":\"UPDATE\"},"
                + "{\"_id\":\"2\",\"a\":1},{\"_id\":\"2\",\"_op\":\"DELETE\"}]");
        JsonNode d = doc("op_order", "1");
        assertThat(d.get("a").asInt()).isEqualTo(1);
        assertThat(d.get("b").asInt()).isEqualTo(2);
        assertThat(doc("op_order", "2")).isNull();
    }

    @Test
    void aPlainAddStillReplacesTheWholeDocument() {
        collection("op_default");
        add("op_default", "[{\"_id\":\"1\",\"a\":1}]");
        add("op_default", "[{\"_id\":\"1\",\"b\":2}]");
        assertThat(doc("op_default", "1").has("a")).isFalse();
    }

    @Test
    void insertIntoHonoursTheOpColumn() {
        collection("op_src");
        collection("op_dst");
        add("op_dst", "[{\"_id\":\"1\",\"a\":1,\"b\":1},{\"_id\":\"2\",\"a\":2}]");
        add("op_src", "[{\"_id\":\"1\",\"b\":9},{\"_id\":\"2\"}]");
        RunningServer.Reply update = server.query(
                "INSERT INTO op_dst SELECT _id, b, 'UPDATE' AS _op FROM op_src WHERE _id = '1'");
        assertThat(update.status()).as(update.text()).isEqualTo(200);
        RunningServer.Reply delete = server.query(
                "INSERT INTO op_dst SELECT _id, 'DELETE' AS _op FROM op_src WHERE _id = '2'");
        assertThat(delete.status()).as(delete.text()).isEqualTo(200);
        assertThat(doc("op_dst", "1").get("a").asInt()).isEqualTo(1);
        assertThat(doc("op_dst", "1").get("b").asInt()).isEqualTo(9);
        assertThat(doc("op_dst", "2")).isNull();
    }

    @Test
    void anUnknownOpIsAnErrorForThatDocumentOnly() {
        collection("op_bad");
        RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/op_bad/docs",
                "{\"data\":[{\"_id\":\"1\",\"_op\":\"MERGE\"},{\"_id\":\"2\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/data/0/status").asText()).isEqualTo("ERROR");
        assertThat(r.body().at("/data/1/status").asText()).isEqualTo("ADDED");
        assertThat(doc("op_bad", "2")).isNotNull();
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void opBatchesAndPlainAddsFromManyClientsAtOnceAllComplete() throws Exception {
        collection("op_busy");
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 6; t++) {
            int client = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 15; i++) {
                    String op = client % 2 == 0 ? "" : ",\"_op\":\"UPSERT\"";
                    RunningServer.Reply r = server.send("POST", "/v1/orgs/self/ws/commons/collections/op_busy/docs",
                            "{\"data\":[{\"_id\":\"k" + (i % 5) + "\",\"c" + client + "\":" + i + op + "}]}");
                    if (r.status() != 200) {
                        failures.add(r.text());
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(server.query("SELECT count(*) AS n FROM op_busy").body().at("/results/0/n").asInt()).isEqualTo(5);
    }
}
