package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry show} and {@code quarry run-operation} on a seeded project over a real quarry-server. */
class ShowAndOperationTest {

    @TempDir
    static Path dir;
    private static CliProject project;

    @BeforeAll
    static void seedAndRun() {
        project = new CliProject(dir, "shw");
        project.write("seeds/people.csv", "id,name,score\n1,ann,10\n2,bob,20\n3,cy,30\n4,dee,40\n5,eve,50\n6,fay,60\n7,gus,70\n")
                .write("models/adults.sql", "select id, name, score from {{ ref('people') }} where id > 1 order by id")
                .write("macros/ops.sql", """
                        {% macro count_rows(model_name, minimum=0) %}
                          {% set result = run_query('select count(*) as n from ' ~ ref(model_name)) %}
                          {% set n = result.columns[0].values()[0] %}
                          {{ log('rows in ' ~ model_name ~ ': ' ~ n, info=True) }}
                          {% if n < minimum %}
                            {{ exceptions.raise_compiler_error('too few rows: ' ~ n) }}
                          {% endif %}
                        {% endmacro %}
                        {% macro where_am_i() %}
                          {{ log('workspace ' ~ target.schema ~ ', relation ' ~ adapter.get_relation(database=target.database, schema=target.schema, identifier='adults'), info=True) }}
                        {% endmacro %}
                        """);
        CliProject.Outcome built = project.quarry("build");
        assertThat(built.exitCode()).as(built.all()).isZero();
    }

    @AfterAll
    static void stop() {
        project.close();
    }

    @Test
    void showPrintsTheFirstFiveRowsOfAModelAsATable() {
        CliProject.Outcome outcome = project.quarry("show", "--select", "adults");
        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("Previewing node 'adults':",
                "| id  | name | score |", "| --- | ---- | ----- |", "|   2 | bob  |    20 |", "|   6 | fay  |    60 |")
                .doesNotContain("gus");
    }

    @Test
    void showInlineResolvesRefsAndHonoursTheLimit() {
        CliProject.Outcome outcome = project.quarry("show", "--inline",
                "select name from {{ ref('adults') }} order by score desc", "--limit", "2");
        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("Previewing inline node:", "| gus  |", "| fay  |").doesNotContain("eve");
    }

    @Test
    void showAsJson() {
        CliProject.Outcome outcome = project.quarry("show", "--inline", "select 1 as one, 'x' as two", "--output", "json");
        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out().replaceAll("\\s+", "")).contains("{\"node\":\"inline_query\",\"show\":[{\"one\":1,\"two\":\"x\"}]}");
    }

    @Test
    void aQueryTheDatabaseRefusesIsADatabaseErrorWithExitOne() {
        CliProject.Outcome outcome = project.quarry("show", "--inline", "select * from shw.no_such_collection");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("Database Error in inline query").doesNotContain("internal error");
    }

    @Test
    void showWithoutSelectOrInlineIsAUsageError() {
        assertThat(project.quarry("show").exitCode()).isEqualTo(2);
    }

    @Test
    void runOperationCallsAMacroWithArgsAndALiveConnection() {
        CliProject.Outcome outcome = project.quarry("run-operation", "count_rows", "--args", "{model_name: adults}");
        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("rows in adults: 6");
        assertThat(project.read("target/run_results.json")).contains("\"unique_id\" : \"operation.proj.count_rows\"",
                "\"status\" : \"success\"");
        CliProject.Outcome where = project.quarry("run-operation", "where_am_i");
        assertThat(where.exitCode()).as(where.all()).isZero();
        assertThat(where.out()).contains("workspace shw, relation \"shw\".\"adults\"");
    }

    @Test
    void aFailingOperationExitsOneWithItsMessage() {
        CliProject.Outcome outcome = project.quarry("run-operation", "count_rows", "--args", "{model_name: adults, minimum: 100}");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("Encountered an error while running operation", "too few rows: 6");
        assertThat(project.read("target/run_results.json")).contains("\"status\" : \"error\"", "too few rows: 6");
    }

    @Test
    void anUnknownMacroExitsOne() {
        CliProject.Outcome outcome = project.quarry("run-operation", "no_such_macro");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("could not find a macro with the name 'no_such_macro'");
    }
}
