package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** dbt's BaseSingularTests: a project with only a passing and a failing singular test. */
class SingularTestsTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

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
