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
import quarry.core.adapter.RelationType;

/** Snapshots (type-2 history) on a real quarry-server. */
class SnapshotMaterializationTest {

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

    private static void snapshot(String ws, String sql, Map<String, Object> config) {
        connection.build(new BuildRequest("snapshot.p.s", "snapshot", RocksetRelation.of(ws, "snap", RelationType.TABLE),
                sql, config, false, false, Optional.empty()));
    }

    private static List<List<Object>> rows(String sql) {
        return connection.execute(sql, true).rows();
    }

    @Test
    void timestampStrategyClosesChangedRowsAndAddsNewVersions() {
        Map<String, Object> config = Map.of("strategy", "timestamp", "unique_key", "id", "updated_at", "updated_at");
        snapshot("snap1", "SELECT 1 AS id, 'a' AS v, TIMESTAMP '2020-01-01 00:00:00' AS updated_at"
                + " UNION ALL SELECT 2 AS id, 'b' AS v, TIMESTAMP '2020-01-01 00:00:00' AS updated_at", config);
        snapshot("snap1", "SELECT 1 AS id, 'a2' AS v, TIMESTAMP '2020-01-05 00:00:00' AS updated_at"
                + " UNION ALL SELECT 2 AS id, 'b' AS v, TIMESTAMP '2020-01-01 00:00:00' AS updated_at"
                + " UNION ALL SELECT 3 AS id, 'c' AS v, TIMESTAMP '2020-01-05 00:00:00' AS updated_at", config);
        assertThat(rows("SELECT id, v, dbt_valid_from, dbt_valid_to FROM snap1.snap ORDER BY id, dbt_valid_from"))
                .containsExactly(
                        List.of(1L, "a", "2020-01-01T00:00:00.000000Z", "2020-01-05T00:00:00.000000Z"),
                        java.util.Arrays.asList(1L, "a2", "2020-01-05T00:00:00.000000Z", null),
                        java.util.Arrays.asList(2L, "b", "2020-01-01T00:00:00.000000Z", null),
                        java.util.Arrays.asList(3L, "c", "2020-01-05T00:00:00.000000Z", null));
        assertThat(rows("SELECT COUNT(DISTINCT dbt_scd_id) AS n, COUNT(*) AS m FROM snap1.snap"))
                .containsExactly(List.of(4L, 4L));
    }

    @Test
    void checkStrategyComparesTheCheckColumnsAndCanInvalidateHardDeletes() {
        Map<String, Object> config = Map.of("strategy", "check", "unique_key", "id", "check_cols", "all",
                "invalidate_hard_deletes", true);
        snapshot("snap2", "SELECT 1 AS id, 'a' AS v UNION ALL SELECT 2 AS id, 'b' AS v", config);
        snapshot("snap2", "SELECT 1 AS id, 'a' AS v UNION ALL SELECT 2 AS id, 'B' AS v", config);
        snapshot("snap2", "SELECT 2 AS id, 'B' AS v", config);
        assertThat(rows("SELECT id, v, dbt_valid_to IS NULL AS current FROM snap2.snap ORDER BY id, dbt_valid_from"))
                .containsExactly(List.of(1L, "a", false), List.of(2L, "b", false), List.of(2L, "B", true));
    }

    @Test
    void aSnapshotWithoutItsRequiredConfigIsExplained() {
        assertThatThrownBy(() -> snapshot("snap3", "SELECT 1 AS id", Map.of("strategy", "timestamp", "unique_key", "id")))
                .hasMessageContaining("updated_at");
        assertThatThrownBy(() -> snapshot("snap3", "SELECT 1 AS id", Map.of("strategy", "check", "unique_key", "id")))
                .hasMessageContaining("check_cols");
        assertThatThrownBy(() -> snapshot("snap3", "SELECT 1 AS id", Map.of("strategy", "check", "check_cols", "all")))
                .hasMessageContaining("unique_key");
    }
}
