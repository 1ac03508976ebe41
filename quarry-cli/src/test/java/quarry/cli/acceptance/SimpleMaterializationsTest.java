package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** dbt's BaseSimpleMaterializations: a view, a table and a model swapped table → view → incremental. */
class SimpleMaterializationsTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void viewTableAndSwappableBuildAndSwapTypes() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "base"))
                .models(Map.of(
                        "view_model.sql", Fixtures.BASE_VIEW_SQL,
                        "table_model.sql", Fixtures.BASE_TABLE_SQL,
                        "swappable.sql", Fixtures.BASE_MATERIALIZED_VAR_SQL,
                        "schema.yml", Fixtures.SCHEMA_BASE_YML))
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV))
                .write();

        assertThat(project.runDbt("seed")).hasSize(1);
        List<TestProject.Result> run = project.runDbt("run");
        assertThat(run).extracting(TestProject.Result::name)
                .containsExactlyInAnyOrder("view_model", "table_model", "swappable");
        assertThat(project.relationTypes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "base", "table", "view_model", "view", "table_model", "table", "swappable", "table"));

        assertThat(project.count("base")).isEqualTo(10);
        project.assertRelationsEqual("base", "view_model", "table_model", "swappable");

        Docs.generate(project).ifPresent(catalog -> {
            assertThat(catalog.path("nodes").size()).isEqualTo(4);
            assertThat(catalog.path("sources").size()).isEqualTo(1);
        });

        assertThat(project.runDbt("run", "-m", "swappable", "--vars", "materialized_var: view")).hasSize(1);
        assertThat(project.relationTypes()).containsEntry("swappable", "view");
        project.assertRelationsEqual("base", "swappable");

        assertThat(project.runDbt("run", "-m", "swappable", "--vars", "materialized_var: incremental")).hasSize(1);
        assertThat(project.relationTypes()).containsEntry("swappable", "table");
        project.assertRelationsEqual("base", "swappable");
    }
}
