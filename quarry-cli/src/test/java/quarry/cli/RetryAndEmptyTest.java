package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry retry} after a failed build, and {@code --empty} builds, over a real quarry-server. */
class RetryAndEmptyTest {

    private static CliProject project(Path dir, String ws) {
        return new CliProject(dir, ws)
                .write("seeds/items.csv", "id,price\n1,10\n2,20\n3,30\n")
                .write("models/priced.sql", "{{ config(materialized='table') }}\nselect id, price from {{ ref('items') }}")
                .write("models/broken.sql", "select id, price / from {{ ref('priced') }}")
                .write("models/after_broken.sql", "select * from {{ ref('broken') }}");
    }

    @Test
    void retryReRunsOnlyTheErroredAndSkippedNodesWithTheSameCommand(@TempDir Path dir) {
        try (CliProject project = project(dir, "rty")) {
            CliProject.Outcome first = project.quarry("build");
            assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
            assertThat(first.out()).contains("ERROR=1", "SKIP=1",
                    "compiled code at target/run/proj/models/broken.sql");
            assertThat(project.read("target/run/proj/models/broken.sql")).contains("price / from");

            project.write("models/broken.sql", "select id, price * 2 as doubled from {{ ref('priced') }}");
            CliProject.Outcome retried = project.quarry("retry");
            assertThat(retried.exitCode()).as(retried.all()).isZero();
            assertThat(retried.out()).contains("Retrying 2 nodes of the last 'build'",
                    "OK created sql view model rty.broken", "OK created sql view model rty.after_broken",
                    "PASS=2 WARN=0 ERROR=0 SKIP=0").doesNotContain("model rty.priced", "seed file");
            assertThat(project.read("target/run_results.json")).containsPattern("\"which\"\\s*:\\s*\"build\"");

            CliProject.Outcome nothingLeft = project.quarry("retry");
            assertThat(nothingLeft.exitCode()).as(nothingLeft.all()).isZero();
            assertThat(nothingLeft.all()).contains("Retrying 0 nodes", "Nothing to do");
        }
    }

    @Test
    void retryWithoutAPreviousRunIsAClearError(@TempDir Path dir) {
        try (CliProject project = project(dir, "rty2")) {
            CliProject.Outcome outcome = project.quarry("retry");
            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("Could not find previous run");
        }
    }

    @Test
    void emptyBuildsModelsWithTheirColumnsAndNoRows(@TempDir Path dir) {
        try (CliProject project = project(dir, "mty")) {
            project.write("models/broken.sql", "select id, price * 2 as doubled from {{ ref('priced') }}");
            assertThat(project.quarry("seed").exitCode()).isZero();
            CliProject.Outcome run = project.quarry("run", "--empty");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(project.read("target/run/proj/models/priced.sql")).contains("where false limit 0");
            CliProject.Outcome count = project.quarry("show", "--inline",
                    "select (select count(*) from {{ ref('priced') }}) as tables, (select count(*) from {{ ref('broken') }}) as views");
            assertThat(count.out()).as(count.all()).contains("|      0 |     0 |");
        }
    }
}
