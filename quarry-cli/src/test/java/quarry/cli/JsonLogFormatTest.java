package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log-format json}: every line any command prints is one dbt event, for machines to read. */
class JsonLogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> events(String out) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line)); // throws on any line that is not JSON
            }
        }
        return events;
    }

    private static List<String> names(List<JsonNode> events) {
        return events.stream().map(e -> e.path("info").path("name").asText()).toList();
    }

    @Test
    void aBuildPrintsOnlyEventsOfOneInvocation(@TempDir Path dir) throws Exception {
        try (CliProject project = new CliProject(dir, "jlog")
                .write("seeds/items.csv", "id,price\n1,10\n2,20\n")
                .write("models/priced.sql", "select id, price * 2 as doubled from {{ ref('items') }}")
                .write("models/broken.sql", "select id, price / from {{ ref('items') }}")) {
            CliProject.Outcome build = project.quarry("build", "--log-format", "json");
            assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
            List<JsonNode> events = events(build.out());
            assertThat(build.err()).isBlank();
            assertThat(names(events)).contains("MainReportVersion", "FoundStats", "ConcurrencyLine", "StatsLine");
            String invocation = JSON.readTree(project.read("target/run_results.json")).path("metadata")
                    .path("invocation_id").asText();
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("info").path("invocation_id").asText()).isEqualTo(invocation);
                assertThat(e.path("info").path("code").asText()).matches("[A-Z][0-9]{3}");
            });
            assertThat(events).anySatisfy(e -> assertThat(e.path("info").path("level").asText()).isEqualTo("error"));

            CliProject.Outcome ls = project.quarry("ls", "--log-format", "json", "--select", "priced");
            assertThat(ls.exitCode()).as(ls.all()).isZero();
            assertThat(events(ls.out())).extracting(e -> e.path("info").path("name").asText() + " "
                    + e.path("info").path("msg").asText()).contains("ListCmdOut proj.priced");
        }
    }

    @Test
    void anUnknownFormatIsAUsageError(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "jlog2")) {
            CliProject.Outcome outcome = project.quarry("parse", "--log-format", "xml");
            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("--log-format must be text or json, not 'xml'");
        }
    }
}
