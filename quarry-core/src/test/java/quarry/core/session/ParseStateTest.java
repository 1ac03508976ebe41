package quarry.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

/** The saved parse is reused only when nothing the parse read has changed. */
class ParseStateTest {

    @TempDir
    Path dir;

    private Path target;

    @BeforeEach
    void parsedOnce() throws Exception {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/a.sql", "select '{{ env_var(\"REGION\", \"eu\") }}' as region",
                "models/b.sql", "select * from {{ ref('a') }}"));
        target = dir.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("manifest.json"), "{}");
        Session session = TestProjects.session(dir, Map.of(), Map.of("REGION", "us"), null);
        TestProjects.parse(session);
        ParseState.of(session).save(target, session);
    }

    private boolean reusable(Map<String, Object> vars, Map<String, String> env, String targetName) {
        Session session = TestProjects.session(dir, vars, env, targetName);
        return ParseState.of(session).matchesSaved(target, session);
    }

    @Test
    void nothingChangedReusesTheSavedParse() {
        assertThat(reusable(Map.of(), Map.of("REGION", "us"), null)).isTrue();
        assertThat(reusable(Map.of(), Map.of("REGION", "us", "UNRELATED", "x"), null)).isTrue();
    }

    @Test
    void aChangedAddedOrDeletedFileInvalidatesIt() throws Exception {
        Files.writeString(dir.resolve("models/b.sql"), "select * from {{ ref('a') }} -- edited");
        assertThat(reusable(Map.of(), Map.of("REGION", "us"), null)).isFalse();
    }

    @Test
    void varsTargetAndAReadEnvVarInvalidateIt() {
        assertThat(reusable(Map.of("x", 1), Map.of("REGION", "us"), null)).isFalse();
        assertThat(reusable(Map.of(), Map.of("REGION", "us"), "prod")).isFalse();
        assertThat(reusable(Map.of(), Map.of("REGION", "apac"), null)).isFalse();
        assertThat(reusable(Map.of(), Map.of(), null)).isFalse();
    }

    @Test
    void theSavedStateHoldsNoEnvValues() throws Exception {
        assertThat(Files.readString(target.resolve(ParseState.FILE))).contains("REGION").doesNotContain("\"us\"");
    }
}
