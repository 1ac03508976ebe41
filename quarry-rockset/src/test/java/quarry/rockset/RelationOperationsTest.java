package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quarry.core.seed.SeedTable;

/** The adapter's relation operations against a real quarry-server over loopback HTTP. */
class RelationOperationsTest {

    private static TestServer server;
    private static RocksetClient client;
    private static RelationOperations operations;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        client = server.client();
        operations = server.operations();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static List<Long> ids(String sql) {
        return client.query(QueryRequest.of(sql)).rows().stream()
                .map(r -> r.path("id").asLong()).sorted().collect(Collectors.toList());
    }

    @Test
    void aTableIsAnAliasToItsBuildAndARebuildSwitchesIt() {
        long inserted = operations.replaceWithTable("ops1", "orders", "SELECT 1 AS id UNION ALL SELECT 2 AS id");
        assertThat(inserted).isEqualTo(2);
        ExistingRelation first = operations.find("ops1", "orders").orElseThrow();
        assertThat(first.kind()).isEqualTo(ExistingRelation.Kind.ALIAS);
        assertThat(ids("SELECT id FROM ops1.orders")).containsExactly(1L, 2L);

        operations.replaceWithTable("ops1", "orders", "SELECT 3 AS id");
        ExistingRelation second = operations.find("ops1", "orders").orElseThrow();
        assertThat(second.collection()).isNotEqualTo(first.collection());
        assertThat(ids("SELECT id FROM ops1.orders")).containsExactly(3L);
        assertThat(client.getCollection("ops1", first.collection().orElseThrow())).isEmpty();
        assertThat(operations.list("ops1")).extracting(ExistingRelation::name).containsExactly("orders");
    }

    @Test
    void anUnchangedViewIsNotWrittenAgain() {
        operations.createOrReplaceView("ops7", "v", "SELECT 1 AS id");
        long before = client.requestCount();
        operations.createOrReplaceView("ops7", "v", "SELECT 1 AS id");
        long unchanged = client.requestCount() - before;
        before = client.requestCount();
        operations.createOrReplaceView("ops7", "v", "SELECT 2 AS id");
        long changed = client.requestCount() - before;
        assertThat(unchanged).isLessThan(changed);
        assertThat(ids("SELECT id FROM ops7.v")).containsExactly(2L);
    }

    @Test
    void viewsInAWorkspaceTheRunCreatedCostOneRequestEach() {
        operations.ensureWorkspace("ops8");
        long before = client.requestCount();
        for (int i = 0; i < 5; i++) {
            operations.createOrReplaceView("ops8", "v" + i, "SELECT " + i + " AS id");
        }
        assertThat(client.requestCount() - before).isEqualTo(5);
        assertThat(ids("SELECT id FROM ops8.v4")).containsExactly(4L);
        assertThat(operations.find("ops8", "v4").orElseThrow().kind()).isEqualTo(ExistingRelation.Kind.VIEW);
    }

    @Test
    void namesAnotherClientTakesInAWorkspaceTheRunCreatedAreStillHandled() {
        RelationOperations run = new RelationOperations(server.client(), Poller.DEFAULT, RelationOperations.InsertSettings.DEFAULT);
        run.ensureWorkspace("ops9");
        client.createView("ops9", "late_view", "SELECT 2 AS id", null);
        client.createCollection("ops9", "late_table");
        client.createView("ops9", "late_alias", "SELECT 3 AS id", null);

        run.createOrReplaceView("ops9", "late_view", "SELECT 20 AS id");
        run.createOrReplaceView("ops9", "late_table", "SELECT 30 AS id");
        run.replaceWithTable("ops9", "late_alias", "SELECT 40 AS id");

        assertThat(ids("SELECT id FROM ops9.late_view")).containsExactly(20L);
        assertThat(ids("SELECT id FROM ops9.late_table")).containsExactly(30L);
        assertThat(ids("SELECT id FROM ops9.late_alias")).containsExactly(40L);
        assertThat(run.find("ops9", "late_table").orElseThrow().kind()).isEqualTo(ExistingRelation.Kind.VIEW);
    }

    @Test
    void aViewBuiltOnATableSurvivesTheTablesRebuild() {
        operations.replaceWithTable("ops2", "base", "SELECT 1 AS id");
        operations.createOrReplaceView("ops2", "over_base", "SELECT id FROM ops2.base");
        operations.replaceWithTable("ops2", "base", "SELECT 5 AS id");
        assertThat(ids("SELECT id FROM ops2.over_base")).containsExactly(5L);
        operations.createOrReplaceView("ops2", "over_base", "SELECT id + 1 AS id FROM ops2.base");
        assertThat(ids("SELECT id FROM ops2.over_base")).containsExactly(6L);
    }

    @Test
    void aFailedBuildLeavesTheOldTableReadableAndNoBuildCollectionBehind() {
        operations.replaceWithTable("ops3", "t", "SELECT 7 AS id");
        assertThatThrownBy(() -> operations.replaceWithTable("ops3", "t", "SELECT no_such_function(1) AS id"))
                .isInstanceOf(RocksetApiException.class)
                .satisfies(e -> assertThat(((RocksetApiException) e).status()).isEqualTo(400));
        assertThat(ids("SELECT id FROM ops3.t")).containsExactly(7L);
        assertThat(client.listCollections("ops3")).hasSize(1);
    }

    @Test
    void aViewReplacesATableOfTheSameNameAndATableReplacesAView() {
        operations.replaceWithTable("ops4", "x", "SELECT 1 AS id");
        operations.createOrReplaceView("ops4", "x", "SELECT 2 AS id");
        assertThat(operations.find("ops4", "x").orElseThrow().kind()).isEqualTo(ExistingRelation.Kind.VIEW);
        assertThat(client.listCollections("ops4")).isEmpty();
        operations.replaceWithTable("ops4", "x", "SELECT 3 AS id");
        assertThat(operations.find("ops4", "x").orElseThrow().kind()).isEqualTo(ExistingRelation.Kind.ALIAS);
        assertThat(ids("SELECT id FROM ops4.x")).containsExactly(3L);
    }

    @Test
    void insertIntoAppendsAndUpsertsById() {
        operations.replaceWithTable("ops5", "inc", "SELECT '1' AS _id, 1 AS id, 'a' AS v");
        String collection = operations.find("ops5", "inc").orElseThrow().collection().orElseThrow();
        operations.insertInto("ops5", collection, "SELECT '1' AS _id, 1 AS id, 'b' AS v UNION ALL SELECT '2' AS _id, 2 AS id, 'c' AS v");
        List<ObjectNode> rows = client.query(QueryRequest.of("SELECT id, v FROM ops5.inc ORDER BY id")).rows();
        assertThat(rows).extracting(r -> r.path("v").asText()).containsExactly("b", "c");
    }

    @Test
    void seedDocumentsLoadTypedAndQueryable() {
        SeedTable seed = SeedTable.parse("seeds/people.csv", "id,name,born,vip\n1,ann,2001-02-03,true\n2,bob,,false\n", Map.of());
        operations.ensureWorkspace("ops6");
        String fresh = operations.newBuildCollection("ops6", "people");
        for (List<ObjectNode> batch : SeedDocuments.batches(seed)) {
            RocksetClient.WriteResult written = client.addDocuments("ops6", fresh, batch);
            written.lastOffset().ifPresent(fence -> operations.awaitFence("ops6", fresh, fence));
        }
        operations.switchTo("ops6", "people", fresh);
        List<ObjectNode> rows = client.query(QueryRequest.of(
                "SELECT id, name, born, vip FROM ops6.people ORDER BY id")).rows();
        List<ObjectNode> types = client.query(QueryRequest.of("SELECT TYPEOF(born) AS t FROM ops6.people ORDER BY id")).rows();
        assertThat(rows.get(0).path("id").isIntegralNumber()).isTrue();
        assertThat(rows.get(0).path("vip").asBoolean()).isTrue();
        assertThat(rows.get(0).path("born").path("__rockset_type").asText()).isEqualTo("DATE");
        assertThat(types.get(0).path("t").asText()).isEqualTo("date");
        assertThat(types.get(1).path("t").asText()).isEqualTo("null");
        assertThat(rows.get(1).path("born").isNull()).isTrue();
    }

    @Test
    void serverErrorsCarryTheirMessageAndNeverTheKey() {
        assertThatThrownBy(() -> client.query(QueryRequest.of("SELECT * FROM commons.missing_coll")))
                .isInstanceOf(RocksetApiException.class)
                .hasMessageContaining("missing_coll")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TestServer.KEY));
        RocksetClient wrongKey = new RocksetClient(server.server().url(), "wrong-key-xyz", RetryPolicy.NONE,
                Duration.ofSeconds(10), "quarry-test");
        assertThatThrownBy(wrongKey::listWorkspaces)
                .isInstanceOf(RocksetApiException.class)
                .satisfies(e -> assertThat(((RocksetApiException) e).status()).isEqualTo(401))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-key-xyz"));
    }
}
