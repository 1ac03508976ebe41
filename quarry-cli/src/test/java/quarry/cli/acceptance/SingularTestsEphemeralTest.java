package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dbt's BaseSingularTestsEphemeral: singular tests that select from models over an ephemeral
 * model run before any model is built, so the ephemeral CTE must be injected into the tests.
 */
class SingularTestsEphemeralTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void testsOverAnEphemeralModelRunBeforeTheModelsAreBuilt() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "singular_tests_ephemeral"))
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV))
                .models(Map.of(
                        "ephemeral.sql", Fixtures.EPHEMERAL_WITH_CTE_SQL,
                        "passing_model.sql", """
                                {{ config(materialized="view") }}
                                select * from {{ ref('ephemeral') }}
                                where id > 1000
                                """,
                        "failing_model.sql", """
                                {{ config(materialized="view") }}
                                select * from {{ ref('ephemeral') }}
                                where id < 1000
                                """,
                        "schema.yml", Fixtures.SCHEMA_BASE_YML))
                .tests(Map.of(
                        "passing.sql", "select * from {{ ref('ephemeral') }}\nwhere id > 1000\n",
                        "failing.sql", "select * from {{ ref('ephemeral') }}\nwhere id < 1000\n"))
                .write();

        assertThat(project.runDbt("seed")).extracting(TestProject.Result::name).containsExactly("base");
        assertThat(project.runDbt(false, "test"))
                .extracting(TestProject.Result::name, TestProject.Result::status, TestProject.Result::failures)
                .containsExactlyInAnyOrder(tuple("passing", "pass", 0), tuple("failing", "fail", 10));
        assertThat(project.runDbt("run")).extracting(TestProject.Result::name)
                .containsExactlyInAnyOrder("failing_model", "passing_model");
    }
}
