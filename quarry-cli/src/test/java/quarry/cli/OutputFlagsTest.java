package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seed --show}, {@code compile --output json}, and unknown flags after a selector. */
class OutputFlagsTest {

    private static CliProject project(Path dir, String ws) {
        return new CliProject(dir, ws)
                .write("seeds/people.csv", "id,name\n1,ada\n2,grace\n")
                .write("models/names.sql", "select name from {{ ref('people') }}");
    }

    @Test
    void seedShowPrintsASampleOfEachLoadedSeed(@TempDir Path dir) {
        try (CliProject project = project(dir, "seedshow")) {
            CliProject.Outcome seed = project.quarry("seed", "--show");
            assertThat(seed.exitCode()).as(seed.all()).isZero();
            assertThat(seed.out()).contains("Random sample of table: seedshow.people", "| ada", "| grace", "| id")
                    .doesNotContain("_event_time");
            assertThat(project.quarry("seed").out()).doesNotContain("Random sample");
        }
    }

    @Test
    void compileOutputJsonPrintsTheNodeAndItsSql(@TempDir Path dir) throws Exception {
        try (CliProject project = project(dir, "compjson")) {
            CliProject.Outcome compiled = project.quarry("compile", "-s", "names", "--output", "json", "-q");
            assertThat(compiled.exitCode()).as(compiled.all()).isZero();
            JsonNode json = new ObjectMapper().readTree(compiled.out());
            assertThat(json.path("node").asText()).isEqualTo("names");
            assertThat(json.path("compiled").asText()).contains("from \"compjson\".\"people\"");
            CliProject.Outcome bad = project.quarry("compile", "--output", "yaml");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("--output must be text or json");
        }
    }

    @Test
    void anUnknownFlagAfterASelectorIsAnErrorNotASelector(@TempDir Path dir) {
        try (CliProject project = project(dir, "unknownflag")) {
            CliProject.Outcome ls = project.quarry("ls", "-s", "names", "--frobnicate");
            assertThat(ls.exitCode()).isEqualTo(2);
            assertThat(ls.err()).contains("Unknown option: '--frobnicate'");
        }
    }
}
