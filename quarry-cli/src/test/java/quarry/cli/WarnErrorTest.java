package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --warn-error} and {@code --warn-error-options} over a real quarry-server: a test's warning fails it, as in dbt. */
class WarnErrorTest {

    private static CliProject project(Path dir, String ws) {
        return new CliProject(dir, ws)
                .write("models/one.sql", "select 1 as id")
                .write("tests/warns.sql", "{{ config(severity='warn') }}\nselect id from {{ ref('one') }}");
    }

    @Test
    void aTestWarningIsAWarningUntilWarningsAreErrors(@TempDir Path dir) {
        try (CliProject project = project(dir, "we1")) {
            CliProject.Outcome plain = project.quarry("build");
            assertThat(plain.exitCode()).as(plain.all()).isZero();
            assertThat(plain.out()).contains("WARN 1 warns", "PASS=1 WARN=1 ERROR=0");

            CliProject.Outcome flag = project.quarry("--warn-error", "test");
            assertThat(flag.exitCode()).as(flag.all()).isEqualTo(1);
            assertThat(flag.out()).contains("FAIL 1 warns", "Got 1 result, configured to fail if != 0",
                    "WARN=0 ERROR=1");
            assertThat(project.read("target/run_results.json")).containsPattern("\"status\"\\s*:\\s*\"fail\"");

            CliProject.Outcome all = project.quarry("test", "--warn-error-options", "{'include': 'all'}");
            assertThat(all.exitCode()).as(all.all()).isEqualTo(1);
            assertThat(all.out()).contains("FAIL 1 warns");

            CliProject.Outcome kept = project.quarry("test", "--warn-error-options",
                    "{error: all, warn: [LogTestResult]}");
            assertThat(kept.exitCode()).as(kept.all()).isZero();
            assertThat(kept.out()).contains("WARN 1 warns");
        }
    }

    @Test
    void nothingSelectedIsAnErrorWhenListedAndBadOptionsAreAClearError(@TempDir Path dir) {
        try (CliProject project = project(dir, "we2")) {
            CliProject.Outcome nothing = project.quarry("run", "-s", "tag:none", "--warn-error-options",
                    "{error: [NothingToDo]}");
            assertThat(nothing.exitCode()).as(nothing.all()).isEqualTo(1);
            assertThat(nothing.all()).contains("Nothing to do");

            CliProject.Outcome bad = project.quarry("run", "--warn-error-options", "{errors: all}");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("--warn-error-options", "no key 'errors'").doesNotContain("Exception");
        }
    }
}
