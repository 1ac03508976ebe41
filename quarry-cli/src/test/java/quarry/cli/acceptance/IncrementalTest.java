package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** dbt's BaseIncremental: a first run creates the table, a second appends only the new ids. */
class IncrementalTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void theSecondRunAppendsTheRowsPastTheMaximumId() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "incremental"))
                .models(Map.of("incremental.sql", Fixtures.INCREMENTAL_SQL, "schema.yml", Fixtures.SCHEMA_BASE_YML))
                .seeds(Map.of("base.csv", Fixtures.SEEDS_BASE_CSV, "added.csv", Fixtures.SEEDS_ADDED_CSV))
                .write();

        assertThat(project.runDbt("seed")).hasSize(2);
        assertThat(project.count("base")).isEqualTo(10);
        assertThat(project.count("added")).isEqualTo(20);

        assertThat(project.runDbt("run", "--vars", "seed_name: base")).hasSize(1);
        project.assertRelationsEqual("base", "incremental");
        // the harness's comparison does see a difference
        assertThatThrownBy(() -> project.assertRelationsEqual("added", "incremental")).isInstanceOf(AssertionError.class);

        assertThat(project.runDbt("run", "--vars", "seed_name: added")).hasSize(1);
        project.assertRelationsEqual("added", "incremental");

        Docs.generate(project).ifPresent(catalog -> {
            assertThat(catalog.path("nodes").size()).isEqualTo(3);
            assertThat(catalog.path("sources").size()).isEqualTo(1);
        });
    }
}
