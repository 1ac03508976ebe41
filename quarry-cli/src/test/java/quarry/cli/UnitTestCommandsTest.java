package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands around unit tests: {@code retry} after one failed, {@code show} of a model that has some. */
class UnitTestCommandsTest {

    private static final String UNIT_YML = """
            unit_tests:
              - name: doubles
                model: doubled
                given:
                  - input: ref('numbers')
                    rows: [{n: 1}, {n: 2}]
                expect:
                  rows: [{n: 1, twice: 2}, {n: 2, twice: 5}]
            """;

    @Test
    void retryReRunsTheFailedUnitTestAndTheModelsItSkipped(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "urt")
                .write("models/numbers.sql", "select 1 as n")
                .write("models/doubled.sql", "select n, n * 2 as twice from {{ ref('numbers') }}")
                .write("models/downstream.sql", "select * from {{ ref('doubled') }}")
                .write("models/unit.yml", UNIT_YML)) {
            CliProject.Outcome first = project.quarry("build");
            assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
            assertThat(first.out()).contains("FAIL doubled::doubles", "SKIP relation urt.doubled", "ERROR=1", "SKIP=2");

            project.write("models/unit.yml", UNIT_YML.replace("twice: 5", "twice: 4"));
            CliProject.Outcome retried = project.quarry("retry");
            assertThat(retried.exitCode()).as(retried.all()).isZero();
            assertThat(retried.out()).contains("Retrying 3 nodes of the last 'build'", "PASS doubled::doubles",
                    "OK created sql view model urt.doubled", "OK created sql view model urt.downstream", "PASS=3");
        }
    }

    @Test
    void showOfAModelPreviewsTheModelAndNotItsUnitTests(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "ush")
                .write("models/numbers.sql", "select 1 as n")
                .write("models/doubled.sql", "select n, n * 2 as twice from {{ ref('numbers') }}")
                .write("models/unit.yml", UNIT_YML.replace("twice: 5", "twice: 4"))) {
            assertThat(project.quarry("run").exitCode()).isZero();
            CliProject.Outcome shown = project.quarry("show", "--select", "doubled");
            assertThat(shown.exitCode()).as(shown.all()).isZero();
            assertThat(shown.all()).contains("twice").doesNotContain("unit_test", "ERROR");
        }
    }
}
