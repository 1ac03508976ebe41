package quarry.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.ExpectedFiles;
import quarry.core.testing.TestProjects;

/** A project that uses every Jinja feature dbt projects rely on, compiled and compared with expected SQL. */
class JinjaFeaturesProjectTest {

    @TempDir
    Path dir;

    private TestProjects.Parsed parse() {
        TestProjects.copy("jinja_features", dir);
        return TestProjects.parse(TestProjects.session(dir, Map.of("from_cli", "cli value"),
                Map.of("FEATURES_COLOR", "green"), null));
    }

    @Test
    void compiledSqlMatchesTheExpectedFiles() {
        ExpectedFiles.assertMatches("jinja_features", parse().compileAll());
    }

    @Test
    void logAndPrintReachTheConsoleWhileCompiling() {
        TestProjects.Parsed parsed = parse();
        parsed.compileAll();
        assertThat(parsed.logs()).contains("compiling utilities", "printed while compiling");
    }

    @Test
    void versionedModelsGetVersionedIdsAndAliases() {
        TestProjects.Parsed parsed = parse();
        assertThat(parsed.node("model.features.versioned.v1").alias()).isEqualTo("versioned_v1");
        assertThat(parsed.node("model.features.versioned.v2").version()).isEqualTo("2");
        assertThat(parsed.node("model.features.context").dependsOnNodes())
                .contains("model.features.versioned.v1", "model.features.versioned.v2", "source.features.raw.events");
    }

    @Test
    void theRootProjectsGenerateSchemaNameOverridesTheBuiltIn() {
        TestProjects.Parsed parsed = parse();
        assertThat(parsed.node("model.features.utilities").schema()).isEqualTo("reporting_dev");
        assertThat(parsed.node("model.features.base").schema()).isEqualTo("analytics");
    }
}
