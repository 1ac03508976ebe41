package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt 1.9's snapshots defined in YAML ({@code relation:} and config, no SQL file), over a real quarry-server. */
class YamlSnapshotTest {

    @Test
    void aYamlSnapshotRecordsItsRelationsChanges(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "ysnap")
                .write("seeds/people.csv", "id,name\n1,ada\n2,grace\n")
                .write("snapshots/snapshots.yml", """
                        snapshots:
                          - name: people_history
                            relation: ref('people')
                            description: every version of each person
                            config:
                              unique_key: id
                              strategy: check
                              check_cols: [name]
                            columns:
                              - name: id
                                data_tests: [not_null]
                        """)) {
            CliProject.Outcome first = project.quarry("build");
            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(first.out()).contains("OK snapshotted ysnap.people_history", "PASS=3");
            assertThat(project.quarry("ls", "--resource-type", "snapshot", "--output", "path").out().strip())
                    .isEqualTo("snapshots/snapshots.yml");

            project.write("seeds/people.csv", "id,name\n1,ada lovelace\n2,grace\n");
            assertThat(project.quarry("build").exitCode()).isZero();
            CliProject.Outcome rows = project.quarry("show", "--inline",
                    "select count(*) as n from ysnap.people_history");
            assertThat(rows.out()).contains("3");
        }
    }

    @Test
    void aRelationThatIsNotARefOrASourceIsAnErrorNamingTheFile(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "ysnapbad")
                .write("snapshots/snapshots.yml", """
                        snapshots:
                          - name: odd
                            relation: "select 1"
                            config: {unique_key: id, strategy: check, check_cols: all}
                        """)) {
            CliProject.Outcome parse = project.quarry("parse");
            assertThat(parse.exitCode()).isEqualTo(2);
            assertThat(parse.err()).contains("snapshots/snapshots.yml:2", "relation must be ref(...) or source(...)");
        }
    }
}
