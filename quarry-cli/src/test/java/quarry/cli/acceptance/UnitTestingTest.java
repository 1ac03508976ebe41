package quarry.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dbt's unit_testing adapter cases: value types, case-insensitive expected columns, a reserved word
 * as a column, an invalid input, an incremental model with {@code this} and {@code is_incremental}
 * overridden, a failing test's diff, and {@code build} skipping the model of a failing unit test.
 */
class UnitTestingTest extends AcceptanceTest {

    @RegisterExtension
    static final AcceptanceServer SERVER = new AcceptanceServer();

    private static final String TYPED_UPSTREAM_SQL = """
            {{ config(materialized='table') }}
            select 1 as int_col, 2.5 as float_col, 'abc' as string_col, true as bool_col,
                   DATE '2020-01-02' as date_col, TIMESTAMP '2013-11-03 01:02:03' as ts_col, 7 as null_col
            """;

    private static final String TYPES_YML = """
            unit_tests:
              - name: every_type_passes_through
                model: typed
                given:
                  - input: ref('typed_upstream')
                    rows:
                      - {int_col: 1, float_col: 2.5, string_col: abc, bool_col: true, date_col: 2020-01-02, ts_col: "2013-11-03 01:02:03", null_col: null}
                      - {int_col: -3, float_col: 0.125, string_col: "it's", bool_col: false, date_col: 1999-12-31, ts_col: "2000-01-01 00:00:00", null_col: 4}
                expect:
                  rows:
                    - {int_col: 1, float_col: 2.5, string_col: abc, bool_col: true, date_col: 2020-01-02, ts_col: "2013-11-03 01:02:03", null_col: null}
                    - {int_col: -3, float_col: 0.125, string_col: "it's", bool_col: false, date_col: 1999-12-31, ts_col: "2000-01-01 00:00:00", null_col: 4}
              - name: csv_rows_are_typed_too
                model: typed
                given:
                  - input: ref('typed_upstream')
                    format: csv
                    rows: |
                      int_col,float_col,string_col,bool_col,date_col,ts_col,null_col
                      5,1.5,x,true,2021-03-04,2021-03-04 05:06:07,
                expect:
                  format: csv
                  fixture: typed_expected
            """;

    private TestProject typesProject() {
        return TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_types"))
                .models(Map.of("typed_upstream.sql", TYPED_UPSTREAM_SQL,
                        "typed.sql", "select * from {{ ref('typed_upstream') }}",
                        "unit.yml", TYPES_YML))
                .tests(Map.of("fixtures/typed_expected.csv",
                        "int_col,float_col,string_col,bool_col,date_col,ts_col,null_col\n5,1.5,x,true,2021-03-04,2021-03-04 05:06:07,\n"))
                .write();
    }

    @Test
    void valuesOfEveryTypePassThroughWhenTheInputRelationDoesNotExistYet() {
        project = typesProject();
        assertThat(project.runDbt("test", "--select", "test_type:unit"))
                .extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactlyInAnyOrder(tuple("every_type_passes_through", "pass"), tuple("csv_rows_are_typed_too", "pass"));
    }

    @Test
    void valuesOfEveryTypeAreCastToTheColumnsOfTheExistingInputRelation() {
        project = typesProject();
        project.runDbt("run", "--select", "typed_upstream");
        assertThat(project.runDbt("test", "--select", "typed"))
                .extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactlyInAnyOrder(tuple("every_type_passes_through", "pass"), tuple("csv_rows_are_typed_too", "pass"));
    }

    @Test
    void expectedColumnNamesAreCaseInsensitiveAndAReservedWordIsAColumn() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_case"))
                .models(Map.of("up.sql", "select 1 as id",
                        "picked.sql", "select id as \"Id\", id * 2 as \"select\" from {{ ref('up') }}",
                        "unit.yml", """
                                unit_tests:
                                  - name: upper_case_expect
                                    model: picked
                                    given:
                                      - input: ref('up')
                                        rows: [{id: 1}, {id: 2}]
                                    expect:
                                      rows: [{ID: 2, SELECT: 4}, {id: 1, select: 2}]
                                """))
                .write();
        assertThat(project.runDbt("test"))
                .extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactly(tuple("upper_case_expect", "pass"));
    }

    @Test
    void aSeedNotGivenIsReadAsItselfAndExpectedRowsMayBeAQuery() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_seed"))
                .seeds(Map.of("codes.csv", "id,label\n1,one\n2,two\n"))
                .models(Map.of("up.sql", "select 1 as id",
                        "labelled.sql", "select u.id, c.label from {{ ref('up') }} u join {{ ref('codes') }} c on u.id = c.id",
                        "unit.yml", """
                                unit_tests:
                                  - name: labels_from_the_seed
                                    model: labelled
                                    given:
                                      - input: ref('up')
                                        rows: [{id: 2}, {id: 3}]
                                    expect:
                                      format: sql
                                      rows: select 2 as id, 'two' as label
                                """))
                .write();
        project.runDbt("seed");
        assertThat(project.runDbt("test"))
                .extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactly(tuple("labels_from_the_seed", "pass"));
    }

    @Test
    void aColumnNoRowGivesReadsAsNullWithOrWithoutTheInputRelation() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_unbuilt"))
                .models(Map.of("up.sql", "select 1 as id, 'a' as kind",
                        "reads_kind.sql", "select id, kind from {{ ref('up') }}",
                        "unit.yml", """
                                unit_tests:
                                  - name: only_ids_given
                                    model: reads_kind
                                    given:
                                      - input: ref('up')
                                        rows: [{id: 1}]
                                    expect:
                                      rows: [{id: 1, kind: null}]
                                """))
                .write();
        assertThat(project.runDbt("test")).extracting(TestProject.Result::status).containsExactly("pass");
        project.runDbt("run", "--empty", "--select", "up");
        assertThat(project.runDbt("test")).extracting(TestProject.Result::status).containsExactly("pass");
    }

    @Test
    void anInvalidInputIsAClearErrorNamingTheFileAndLine() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_invalid"))
                .models(Map.of("up.sql", "select 1 as id", "m.sql", "select * from {{ ref('up') }}",
                        "unit.yml", """
                                unit_tests:
                                  - name: bad_input
                                    model: m
                                    given:
                                      - input: ref('nowhere')
                                        rows: [{id: 1}]
                                    expect:
                                      rows: [{id: 1}]
                                """))
                .write();
        TestProject.Invocation run = project.invoke("test");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("models/unit.yml:5").contains("ref('nowhere') not found")
                .doesNotContain("\tat ");
    }

    @Test
    void anIncrementalModelIsTestedAsAFullRefreshAndWithIsIncrementalAndThisGiven() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_incremental"))
                .models(Map.of("events.sql", "select 1 as id, 'a' as kind",
                        "inc.sql", """
                                {{ config(materialized='incremental', unique_key='id') }}
                                select id, kind from {{ ref('events') }}
                                {% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}
                                """,
                        "unit.yml", """
                                unit_tests:
                                  - name: full_refresh_keeps_all
                                    model: inc
                                    given:
                                      - input: ref('events')
                                        rows: [{id: 1, kind: a}, {id: 2, kind: b}, {id: 3, kind: c}]
                                    expect:
                                      rows: [{id: 1}, {id: 2}, {id: 3}]
                                  - name: incremental_keeps_new
                                    model: inc
                                    overrides:
                                      macros: {is_incremental: true}
                                    given:
                                      - input: ref('events')
                                        rows: [{id: 1, kind: a}, {id: 2, kind: b}, {id: 3, kind: c}]
                                      - input: this
                                        rows: [{id: 2, kind: b}]
                                    expect:
                                      rows: [{id: 3, kind: c}]
                                """))
                .write();
        assertThat(project.runDbt("build"))
                .extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactlyInAnyOrder(tuple("events", "success"), tuple("inc", "success"),
                        tuple("full_refresh_keeps_all", "pass"), tuple("incremental_keeps_new", "pass"));
    }

    private static final String PASS_FAIL_YML = """
            unit_tests:
              - name: doubles
                model: doubled
                given:
                  - input: ref('numbers')
                    rows: [{n: 1}, {n: 2}]
                expect:
                  rows: [{n: 1, twice: 2}, {n: 2, twice: 4}]
              - name: wrong
                model: doubled
                given:
                  - input: ref('numbers')
                    rows: [{n: 1}, {n: 2}]
                expect:
                  rows: [{n: 1, twice: 2}, {n: 2, twice: 5}]
            """;

    @Test
    void aFailingUnitTestShowsTheDiffOfActualAndExpectedRows() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_pass_fail"))
                .models(Map.of("numbers.sql", "select 1 as n", "doubled.sql", "select n, n * 2 as twice from {{ ref('numbers') }}",
                        "unit.yml", PASS_FAIL_YML))
                .write();
        TestProject.Invocation run = project.invoke("test");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.results()).extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactlyInAnyOrder(tuple("doubles", "pass"), tuple("wrong", "fail"));
        String message = run.results().stream().filter(r -> r.name().equals("wrong")).findFirst().orElseThrow().message();
        assertThat(message).isEqualTo("""
                actual differs from expected:

                @@  | n | twice
                +++ | 2 | 4
                --- | 2 | 5""");
        assertThat(run.out()).contains("PASS doubled::doubles", "FAIL doubled::wrong", "+++ | 2 | 4", "--- | 2 | 5");
    }

    @Test
    void buildSkipsTheModelOfAFailingUnitTestAndItsDependants() {
        project = TestProject.in(dir, SERVER, getClass())
                .projectConfig(Map.of("name", "unit_build"))
                .models(Map.of("numbers.sql", "select 1 as n", "doubled.sql", "select n, n * 2 as twice from {{ ref('numbers') }}",
                        "downstream.sql", "select * from {{ ref('doubled') }}", "unit.yml", PASS_FAIL_YML))
                .write();
        TestProject.Invocation run = project.invoke("build");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.results()).extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactlyInAnyOrder(tuple("numbers", "success"), tuple("doubles", "pass"), tuple("wrong", "fail"),
                        tuple("doubled", "skipped"), tuple("downstream", "skipped"));
        assertThat(project.relationTypes()).containsOnlyKeys("numbers");
        List<String> order = run.out().lines().filter(l -> l.contains(" START ")).toList();
        assertThat(order.stream().filter(l -> l.contains("unit_test doubled::")).count()).isEqualTo(2);

        assertThat(project.runDbt("build", "--exclude-resource-type", "unit_test"))
                .extracting(TestProject.Result::name, TestProject.Result::status)
                .containsExactlyInAnyOrder(tuple("numbers", "success"), tuple("doubled", "success"),
                        tuple("downstream", "success"));
        assertThat(project.runDbt(false, "test", "--resource-type", "unit_test"))
                .extracting(TestProject.Result::name).containsExactlyInAnyOrder("doubles", "wrong");
        TestProject.Invocation badType = project.invoke("build", "--exclude-resource-type", "unit_tests");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("unknown resource type 'unit_tests'", "did you mean 'unit_test'");
    }
}
