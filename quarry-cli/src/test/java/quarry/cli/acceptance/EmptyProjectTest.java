package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** dbt's BaseEmpty: a project without any file runs, writes its artifacts and has an empty catalog. */
class EmptyProjectTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    @Test
    void seedRunAndDocsOnAnEmptyProjectProduceNoResults() {
        project = TestProject.in(dir, SERVER, getClass()).projectConfig(Map.of("name", "empty")).write();

        assertThat(project.runDbt("seed")).isEmpty();
        assertThat(project.hasArtifact("run_results.json")).isTrue();
        assertThat(project.runDbt("run")).isEmpty();
        assertThat(project.hasArtifact("catalog.json")).isFalse();
        Docs.generate(project).ifPresent(catalog -> {
            assertThat(project.hasArtifact("catalog.json")).isTrue();
            assertThat(catalog.path("nodes").size()).isZero();
            assertThat(catalog.path("sources").size()).isZero();
        });
    }
}
