package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dbt's BaseGenericTests: not_null on a seed (declared under {@code models:} in the seeds' YAML)
 * and on a view and a table model.
 */
class GenericTestsTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void testsOfTheSeedAndOfBothModelsPass() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "generic_tests"))
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV, "schema.yml", Fixtures.GENERIC_TEST_SEED_YML))
                .models(Map.of(
                        "view_model.sql", Fixtures.BASE_VIEW_SQL,
                        "table_model.sql", Fixtures.BASE_TABLE_SQL,
                        "schema.yml", Fixtures.SCHEMA_BASE_YML,
                        "schema_view.yml", Fixtures.GENERIC_TEST_VIEW_YML,
                        "schema_table.yml", Fixtures.GENERIC_TEST_TABLE_YML))
                .write();

        project.runDbt("seed");
        assertThat(project.runDbt("test", "-m", "base")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("pass"));
        assertThat(project.runDbt("run")).hasSize(2);
        assertThat(project.runDbt("test")).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo("pass"));
    }
}
