package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quarry.core.adapter.BuildRequest;
import quarry.core.adapter.BuildResult;
import quarry.core.adapter.Column;
import quarry.core.adapter.QueryResult;
import quarry.core.adapter.Relation;
import quarry.core.adapter.RelationType;
import quarry.core.seed.SeedTable;

/** The rockset adapter's connection and materializations against a real quarry-server. */
class RocksetConnectionTest {

    private static TestServer server;
    private static RocksetConnection connection;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        connection = server.connection();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static BuildResult build(String materialization, String ws, String name, String sql, Map<String, Object> config,
            boolean incremental) {
        return connection.build(new BuildRequest("model.p." + name, materialization,
                RocksetRelation.of(ws, name, RelationType.TABLE), sql, config, false, incremental, Optional.empty()));
    }

    private static List<List<Object>> rows(String sql) {
        return connection.execute(sql, true).rows();
    }

    @Test
    void viewAndTableBuildAndReportWhatTheyDid() {
        BuildResult table = build("table", "c1", "t", "SELECT 1 AS id, 'a' AS v UNION ALL SELECT 2 AS id, 'b' AS v", Map.of(), false);
        assertThat(table.message()).isEqualTo("INSERT 2");
        assertThat(table.rowsAffected()).contains(2L);
        BuildResult view = build("view", "c1", "v", "SELECT id FROM c1.t WHERE id > 1", Map.of(), false);
        assertThat(view.message()).isEqualTo("OK");
        assertThat(rows("SELECT id FROM c1.v")).containsExactly(List.of(2L));
        assertThat(connection.listRelations(null, "c1")).extracting(Relation::identifier, Relation::type)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("t", RelationType.TABLE),
                        org.assertj.core.groups.Tuple.tuple("v", RelationType.VIEW));
        assertThat(connection.getRelation(null, "c1", "v")).map(Relation::type).contains(RelationType.VIEW);
        assertThat(connection.getRelation(null, "c1", "nope")).isEmpty();
    }

    @Test
    void incrementalMergeUpsertsByAKeyThatIsNotId() {
        Map<String, Object> config = Map.of("unique_key", "id");
        build("incremental", "c2", "inc", "SELECT 1 AS id, 'old' AS v UNION ALL SELECT 2 AS id, 'keep' AS v", config, false);
        build("incremental", "c2", "inc", "SELECT 1 AS id, 'new' AS v UNION ALL SELECT 3 AS id, 'added' AS v", config, true);
        assertThat(rows("SELECT id, v FROM c2.inc ORDER BY id"))
                .containsExactly(List.of(1L, "new"), List.of(2L, "keep"), List.of(3L, "added"));
    }

    @Test
    void incrementalWithACompositeKeyAndDeleteInsert() {
        Map<String, Object> config = Map.of("unique_key", List.of("a", "b"), "incremental_strategy", "delete+insert");
        build("incremental", "c3", "inc", "SELECT 1 AS a, 'x' AS b, 1 AS n UNION ALL SELECT 1 AS a, 'y' AS b, 1 AS n", config, false);
        build("incremental", "c3", "inc", "SELECT 1 AS a, 'y' AS b, 2 AS n", config, true);
        assertThat(rows("SELECT a, b, n FROM c3.inc ORDER BY b"))
                .containsExactly(List.of(1L, "x", 1L), List.of(1L, "y", 2L));
    }

    @Test
    void incrementalAppendWithoutKeyAppendsAndFullRefreshRebuilds() {
        build("incremental", "c4", "inc", "SELECT 1 AS id", Map.of(), false);
        build("incremental", "c4", "inc", "SELECT 1 AS id", Map.of(), true);
        assertThat(rows("SELECT COUNT(*) AS n FROM c4.inc")).containsExactly(List.of(2L));
        build("incremental", "c4", "inc", "SELECT 5 AS id", Map.of(), false);
        assertThat(rows("SELECT id FROM c4.inc")).containsExactly(List.of(5L));
    }

    @Test
    void onSchemaChangeFailNamesTheNewColumns() {
        Map<String, Object> config = Map.of("on_schema_change", "fail");
        build("incremental", "c5", "inc", "SELECT 1 AS id", config, false);
        assertThatThrownBy(() -> build("incremental", "c5", "inc", "SELECT 2 AS id, 'x' AS extra", config, true))
                .hasMessageContaining("extra").hasMessageContaining("--full-refresh");
    }

    @Test
    void badIncrementalConfigIsExplained() {
        assertThatThrownBy(() -> build("incremental", "c5", "bad", "SELECT 1 AS id",
                Map.of("incremental_strategy", "microbatch"), false)).hasMessageContaining("microbatch");
        assertThatThrownBy(() -> build("incremental", "c5", "bad", "SELECT 1 AS id",
                Map.of("incremental_strategy", "merge"), false)).hasMessageContaining("unique_key");
    }

    @Test
    void seedsLoadTypedAndAReloadReplacesTheRows() {
        SeedTable seed = SeedTable.parse("seeds/s.csv", "id,name,ok\n1,a,true\n2,b,false\n", Map.of());
        BuildRequest request = new BuildRequest("seed.p.s", "seed", RocksetRelation.of("c6", "s", RelationType.TABLE),
                "", Map.of(), false, false, Optional.of(seed));
        assertThat(connection.build(request).message()).isEqualTo("INSERT 2");
        connection.build(request);
        assertThat(rows("SELECT COUNT(*) AS n FROM c6.s")).containsExactly(List.of(2L));
        assertThat(connection.getColumnsInRelation(RocksetRelation.of("c6", "s", RelationType.TABLE)))
                .extracting(Column::name, Column::dataType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("id", "int"),
                        org.assertj.core.groups.Tuple.tuple("name", "string"),
                        org.assertj.core.groups.Tuple.tuple("ok", "bool"));
    }

    @Test
    void usageSummarySaysWhatTheServerReported() {
        connection.execute("SELECT 1 AS a", true);
        assertThat(connection.usageSummary()).hasValueSatisfying(usage ->
                assertThat(usage).matches("Server-reported query time: \\d+ ms over \\d+ requests"));
    }

    @Test
    void executeFetchesColumnsInOrderAndTypedValues() {
        QueryResult result = connection.execute("SELECT 1 AS a, 'x' AS b, 2.5 AS c, NULL AS d", true);
        assertThat(result.columnNames()).containsExactly("a", "b", "c", "d");
        assertThat(result.rows()).containsExactly(java.util.Arrays.asList(1L, "x", 2.5, null));
    }

    @Test
    void viewsHaveColumnsTooAndDropSchemaRemovesEverything() {
        build("table", "c7", "t", "SELECT 1 AS id, 'a' AS name", Map.of(), false);
        build("view", "c7", "v", "SELECT id, name FROM c7.t", Map.of(), false);
        assertThat(connection.getColumnsInRelation(RocksetRelation.of("c7", "v", RelationType.VIEW)))
                .extracting(Column::name).containsExactly("id", "name");
        connection.dropSchema(null, "c7");
        assertThat(connection.client().getWorkspace("c7")).isEmpty();
        assertThat(connection.listRelations(null, "c7")).isEmpty();
    }
}
