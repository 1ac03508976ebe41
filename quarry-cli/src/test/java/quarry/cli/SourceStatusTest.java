package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code source_status:fresher} selection method over a real quarry-server: sources loaded since the --state run. */
class SourceStatusTest {

    private static final String SCHEMA = """
            version: 2
            sources:
              - name: raw
                schema: sst
                loaded_at_field: loaded_at
                freshness:
                  warn_after: {count: 1, period: day}
                tables:
                  - name: a_events
                    identifier: events
                    freshness: {warn_after: {count: 1, period: day}, filter: "kind = 'a'"}
                  - name: b_events
                    identifier: events
                    freshness: {warn_after: {count: 1, period: day}, filter: "kind = 'b'"}
            """;

    @Test
    void fresherSelectsTheSourcesLoadedSinceTheStateRunAndWhatDependsOnThem(@TempDir Path dir) throws Exception {
        Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        try (CliProject project = new CliProject(dir, "sst")) {
            project.write("seeds/events.csv", "id,kind,loaded_at\n1,a," + hourAgo + "\n2,b," + hourAgo + "\n")
                    .write("models/from_a.sql", "select id from {{ source('raw', 'a_events') }}")
                    .write("models/from_b.sql", "select id from {{ source('raw', 'b_events') }}")
                    .write("models/schema.yml", SCHEMA);
            assertThat(project.quarry("seed").exitCode()).isZero();
            CliProject.Outcome first = project.quarry("source", "freshness");
            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(project.quarry("parse").exitCode()).isZero();
            Path state = dir.resolve("state");
            Files.createDirectories(state);
            for (String artifact : new String[] {"manifest.json", "sources.json"}) {
                Files.copy(dir.resolve("target").resolve(artifact), state.resolve(artifact));
            }

            CliProject.Outcome nothingYet = project.quarry("ls", "-s", "source_status:fresher+", "--state", state.toString());
            assertThat(nothingYet.exitCode()).as(nothingYet.all()).isZero();
            assertThat(nothingYet.out()).doesNotContain("from_a", "from_b");

            project.write("seeds/events.csv", "id,kind,loaded_at\n1,a," + hourAgo + "\n2,b," + hourAgo + "\n3,a,"
                    + hourAgo.plus(Duration.ofMinutes(30)) + "\n");
            assertThat(project.quarry("seed", "--full-refresh").exitCode()).isZero();
            assertThat(project.quarry("source", "freshness").exitCode()).isZero();

            CliProject.Outcome fresher = project.quarry("ls", "-s", "source_status:fresher+", "--state", state.toString());
            assertThat(fresher.exitCode()).as(fresher.all()).isZero();
            assertThat(fresher.out()).contains("source:proj.raw.a_events", "proj.from_a")
                    .doesNotContain("b_events", "from_b");
        }
    }

    @Test
    void withoutFreshnessResultsOrWithAnotherValueItIsAClearError(@TempDir Path dir) throws Exception {
        try (CliProject project = new CliProject(dir, "sst2")) {
            project.write("models/one.sql", "select 1 as id");
            assertThat(project.quarry("parse").exitCode()).isZero();
            CliProject.Outcome noSources = project.quarry("ls", "-s", "source_status:fresher", "--state", dir.resolve("target").toString());
            assertThat(noSources.exitCode()).isEqualTo(2);
            assertThat(noSources.err()).contains("source_status: method needs sources.json in --state");

            CliProject.Outcome other = project.quarry("ls", "-s", "source_status:stale", "--state", dir.resolve("target").toString());
            assertThat(other.exitCode()).isEqualTo(2);
            assertThat(other.err()).contains("source_status: takes 'fresher'");
        }
    }
}
