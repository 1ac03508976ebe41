package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dbt's BaseSnapshotTimestamp (skipped by dbt-rockset): a timestamp-strategy snapshot records a
 * new version when {@code some_date} moves, and none when only another column changes.
 */
class SnapshotTimestampTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void timestampSnapshotFollowsTheUpdatedAtColumnOnly() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "snapshot_strategy_timestamp"))
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV, "newcolumns.csv", Fixtures.SEEDS_NEWCOLUMNS_CSV,
                        "added.csv", Fixtures.SEEDS_ADDED_CSV))
                .snapshots(Map.of("ts_snapshot.sql", Fixtures.TS_SNAPSHOT_SQL))
                .write();

        assertThat(project.runDbt("seed")).hasSize(3);
        assertThat(project.runDbt("snapshot")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("success"));
        assertThat(project.count("ts_snapshot")).isEqualTo(10);

        project.runDbt("snapshot", "--vars", "seed_name: added");
        assertThat(project.count("ts_snapshot")).isEqualTo(20);

        project.updateRows("added", "some_date", "some_date + INTERVAL 1 HOUR", "id > 10 AND id < 21");
        project.runDbt("snapshot", "--vars", "seed_name: added");
        assertThat(project.count("ts_snapshot")).isEqualTo(30);

        project.updateRows("added", "name", "CONCAT(name, '_updated')", "id < 11");
        project.runDbt("snapshot", "--vars", "seed_name: added");
        assertThat(project.count("ts_snapshot")).isEqualTo(30);
    }
}
