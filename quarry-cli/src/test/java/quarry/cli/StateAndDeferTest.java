package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.project.FileTrees;

/** dbt's "slim CI" over a real quarry-server: {@code state:} and {@code result:} selection, {@code --defer}. */
class StateAndDeferTest {

    private static CliProject project(Path dir) {
        CliProject project = new CliProject(dir, "unused")
                .write("seeds/items.csv", "id,price\n1,10\n2,20\n3,30\n")
                .write("models/base.sql", "{{ config(materialized='table') }}\nselect id, price from {{ ref('items') }}")
                .write("models/derived.sql", "select id, price * 2 as doubled from {{ ref('base') }}")
                .write("models/props.yml", """
                        models:
                          - name: derived
                            columns:
                              - name: id
                                data_tests: [not_null]
                        """);
        return project.write("profiles.yml", """
                proj:
                  target: dev
                  outputs:
                    dev:
                      type: rockset
                      workspace: slim_dev
                      api_server: %s
                      api_key: %s
                      threads: 2
                    prod:
                      type: rockset
                      workspace: slim_prod
                      api_server: %s
                      api_key: %s
                      threads: 2
                """.formatted(project.server().url(), CliProject.KEY, project.server().url(), CliProject.KEY));
    }

    private static Path saveState(CliProject project, String name) throws IOException {
        Path state = project.root().resolve(name);
        FileTrees.copy(project.root().resolve("target"), state);
        return state;
    }

    @Test
    void stateModifiedSelectsWhatChangedSinceTheEarlierRunAndDeferReadsItsRelations(@TempDir Path dir) throws IOException {
        try (CliProject project = project(dir)) {
            CliProject.Outcome prod = project.quarry("build", "--target", "prod");
            assertThat(prod.exitCode()).as(prod.all()).isZero();
            String state = saveState(project, "prod-state").toString();

            // the same files on another target: nothing is modified (schemas differ by target only)
            CliProject.Outcome unchanged = project.quarry("ls", "-s", "state:modified", "--state", state);
            assertThat(unchanged.exitCode()).as(unchanged.all()).isZero();
            assertThat(unchanged.all()).contains("No nodes selected");

            project.write("models/derived.sql", "select id, price * 3 as doubled from {{ ref('base') }}");
            CliProject.Outcome modified = project.quarry("ls", "-s", "state:modified+", "--state", state,
                    "--output", "name");
            assertThat(modified.out().strip().lines()).containsExactlyInAnyOrder("derived", "not_null_derived_id");
            assertThat(project.quarry("ls", "-s", "state:modified.body", "--state", state, "--resource-type", "model",
                    "--output", "name").out().strip()).isEqualTo("derived");
            assertThat(project.quarry("ls", "-s", "state:modified.configs", "--state", state).all())
                    .contains("No nodes selected");

            project.write("models/extra.sql", "select 1 as id");
            assertThat(project.quarry("ls", "-s", "state:new", "--state", state, "--output", "name").out().strip())
                    .isEqualTo("extra");

            // slim CI: build only what changed in dev, reading the unchanged parent from prod
            CliProject.Outcome ci = project.quarry("build", "-s", "state:modified", "--exclude", "extra", "--defer",
                    "--state", state);
            assertThat(ci.exitCode()).as(ci.all()).isZero();
            assertThat(ci.out()).contains("OK created sql view model slim_dev.derived", "PASS=2")
                    .doesNotContain("model slim_dev.base", "seed file");
            assertThat(project.read("target/compiled/proj/models/derived.sql")).contains("\"slim_prod\".\"base\"");
            CliProject.Outcome rows = project.quarry("show", "--inline", "select sum(doubled) as s from slim_dev.derived");
            assertThat(rows.out()).contains("180");
        }
    }

    @Test
    void deferReadsTheEarlierRelationOnlyWhereThisTargetHasNone(@TempDir Path dir) throws IOException {
        try (CliProject project = project(dir)) {
            assertThat(project.quarry("build", "--target", "prod").exitCode()).isZero();
            String state = saveState(project, "prod-state").toString();
            assertThat(project.quarry("build", "-s", "items", "base").exitCode()).isZero();

            assertThat(project.quarry("run", "-s", "derived", "--defer", "--state", state).exitCode()).isZero();
            assertThat(project.read("target/compiled/proj/models/derived.sql")).contains("\"slim_dev\".\"base\"");

            assertThat(project.quarry("run", "-s", "derived", "--defer", "--favor-state", "--state", state).exitCode())
                    .isZero();
            assertThat(project.read("target/compiled/proj/models/derived.sql")).contains("\"slim_prod\".\"base\"");
        }
    }

    @Test
    void resultSelectsByTheStatusOfTheEarlierRun(@TempDir Path dir) throws IOException {
        try (CliProject project = project(dir)) {
            project.write("models/broken.sql", "select id, price / from {{ ref('base') }}");
            assertThat(project.quarry("build").exitCode()).isEqualTo(1);
            String state = saveState(project, "last").toString();
            assertThat(project.quarry("ls", "-s", "result:error", "--state", state, "--output", "name").out().strip())
                    .isEqualTo("broken");
            assertThat(project.quarry("ls", "-s", "result:success", "--state", state, "--resource-type", "model",
                    "--output", "name").out().strip().lines()).containsExactlyInAnyOrder("base", "derived");
        }
    }

    @Test
    void stateMethodsAndDeferWithoutAnEarlierRunAreClearErrors(@TempDir Path dir) {
        try (CliProject project = project(dir)) {
            CliProject.Outcome noState = project.quarry("ls", "-s", "state:modified");
            assertThat(noState.exitCode()).isEqualTo(2);
            assertThat(noState.err()).contains("give --state DIR").doesNotContain("Exception");

            CliProject.Outcome missing = project.quarry("ls", "-s", "state:modified", "--state",
                    dir.resolve("nowhere").toString());
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("no manifest.json there");

            CliProject.Outcome defer = project.quarry("run", "--defer");
            assertThat(defer.exitCode()).isEqualTo(2);
            assertThat(defer.err()).contains("--defer needs the earlier run");
        }
    }

    @Test
    void cloneMakesViewsOfTheEarlierRelationsWhereThisTargetHasNone(@TempDir Path dir) throws IOException {
        try (CliProject project = project(dir)) {
            assertThat(project.quarry("build", "--target", "prod").exitCode()).isZero();
            String state = saveState(project, "prod-state").toString();

            CliProject.Outcome clone = project.quarry("clone", "--state", state);
            assertThat(clone.exitCode()).as(clone.all()).isZero();
            assertThat(clone.out()).contains("PASS=3");
            assertThat(project.quarry("show", "--inline", "select sum(doubled) as s from slim_dev.derived").out())
                    .contains("120");
            assertThat(status(project, "/v1/orgs/self/ws/slim_dev/views/base")).isEqualTo(200);

            CliProject.Outcome again = project.quarry("clone", "--state", state, "-s", "base");
            assertThat(again.out()).contains("No-op");
            CliProject.Outcome refreshed = project.quarry("clone", "--state", state, "-s", "base", "--full-refresh");
            assertThat(refreshed.out()).doesNotContain("No-op").contains("PASS=1");

            CliProject.Outcome noState = project.quarry("clone");
            assertThat(noState.exitCode()).isEqualTo(2);
            assertThat(noState.err()).contains("give --state DIR");
        }
    }

    private static int status(CliProject project, String path) {
        try {
            java.net.http.HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(project.server().url().resolve(path))
                            .header("Authorization", "ApiKey " + CliProject.KEY).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
