package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dbt's BaseSnapshotCheckCols (which dbt-rockset skipped: it had no snapshots): check_cols all,
 * ['name'] and ['some_date'] snapshots follow new keys and changes to the columns they check.
 */
class SnapshotCheckColsTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void checkColsSnapshotsRecordNewKeysAndChangesOfTheirColumns() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "snapshot_strategy_check_cols"))
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV, "added.csv", Fixtures.SEEDS_ADDED_CSV))
                .snapshots(Map.of(
                        "cc_all_snapshot.sql", Fixtures.checkColsSnapshot("cc_all_snapshot", "'all'"),
                        "cc_name_snapshot.sql", Fixtures.checkColsSnapshot("cc_name_snapshot", "['name']"),
                        "cc_date_snapshot.sql", Fixtures.checkColsSnapshot("cc_date_snapshot", "['some_date']")))
                .write();

        assertThat(project.runDbt("seed")).hasSize(2);
        assertThat(project.runDbt("snapshot")).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo("success"));
        assertCounts(10, 10, 10);

        // new keys 11-20 (dbt passes --no-partial-parse here as a global flag)
        assertThat(project.runDbt("--no-partial-parse", "snapshot", "--vars", "seed_name: added")).hasSize(3);
        assertCounts(20, 20, 20);

        // some_date changes for ids 11-20: cc_all and cc_date gain 10 versions, cc_name does not
        project.updateRows("added", "some_date", "some_date + INTERVAL 1 HOUR", "id > 10 AND id < 21");
        project.runDbt("snapshot", "--vars", "seed_name: added");
        assertCounts(30, 20, 30);

        // name changes for ids 1-10: cc_all and cc_name gain 10 versions, cc_date does not
        project.updateRows("added", "name", "CONCAT(name, '_updated')", "id < 11");
        project.runDbt("snapshot", "--vars", "seed_name: added");
        assertCounts(40, 30, 30);
    }

    private void assertCounts(long all, long name, long date) {
        assertThat(Map.of("cc_all_snapshot", project.count("cc_all_snapshot"),
                "cc_name_snapshot", project.count("cc_name_snapshot"),
                "cc_date_snapshot", project.count("cc_date_snapshot")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("cc_all_snapshot", all, "cc_name_snapshot", name,
                        "cc_date_snapshot", date));
    }
}
