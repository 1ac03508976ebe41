package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dbt's BaseEmpty: a project without any file runs, writes its artifacts and has an empty catalog. */
class EmptyProjectTest {

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
