package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** dbt's BaseEphemeral: a view and a table over an ephemeral model, which is not executed itself. */
class EphemeralTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void modelsOverAnEphemeralModelEqualTheSeed() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "ephemeral"))
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV))
                .models(Map.of(
                        "ephemeral.sql", Fixtures.EPHEMERAL_OVER_SOURCE_SQL,
                        "view_model.sql", Fixtures.VIEW_OVER_EPHEMERAL_SQL,
                        "table_model.sql", Fixtures.TABLE_OVER_EPHEMERAL_SQL,
                        "schema.yml", Fixtures.SCHEMA_BASE_YML))
                .write();

        assertThat(project.runDbt("seed")).hasSize(1);
        assertThat(project.runDbt("run")).extracting(TestProject.Result::name)
                .containsExactlyInAnyOrder("view_model", "table_model");
        assertThat(project.count("base")).isEqualTo(10);
        project.assertRelationsEqual("base", "view_model", "table_model");

        Docs.generate(project).ifPresent(catalog -> {
            assertThat(catalog.path("nodes").size()).isEqualTo(3);
            assertThat(catalog.path("sources").size()).isEqualTo(1);
            assertThat(project.artifact("manifest.json").path("nodes").size()).isEqualTo(4);
            assertThat(project.artifact("manifest.json").path("sources").size()).isEqualTo(1);
        });
    }
}
