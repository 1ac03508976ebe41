package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dbt's BaseSingularTests: a project with only a passing and a failing singular test. */
class SingularTestsTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @TempDir
    Path dir;

    private TestProject project;

    @AfterEach
    void dropSchema() {
        if (project != null) {
            project.dropSchema();
        }
    }

    @Test
    void oneSingularTestPassesAndOneFailsWithExitCodeOne() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "singular_tests"))
                .tests(Map.of("passing.sql", Fixtures.PASSING_TEST_SQL, "failing.sql", Fixtures.FAILING_TEST_SQL))
                .write();

        assertThat(project.runDbt(false, "test"))
                .extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("passing", "pass"),
                        org.assertj.core.groups.Tuple.tuple("failing", "fail"));
    }
}
