package quarry.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.ResourceType;
import quarry.core.manifest.UnitTest;
import quarry.core.testing.TestProjects;

class UnitTestParsingTest {

    @TempDir
    Path dir;

    private Map<String, String> project(String unitTests) {
        Map<String, String> files = new HashMap<>(Map.of(
                "dbt_project.yml", "name: p\nprofile: test\n",
                "models/staging/stg_orders.sql", "select * from {{ source('raw', 'orders') }}",
                "models/staging/eph.sql", "{{ config(materialized='ephemeral') }} select 1 as id",
                "models/marts/orders.sql", "select o.*, e.id as e_id from {{ ref('stg_orders') }} o join {{ ref('eph') }} e on 1 = 1",
                "models/marts/inc.sql", "{{ config(materialized='incremental') }} select * from {{ ref('stg_orders') }}"
                        + "{% if is_incremental() %} where id > (select max(id) from {{ this }}){% endif %}",
                "models/sources.yml", "sources:\n  - name: raw\n    tables: [{name: orders}]\n",
                "models/marts/unit.yml", unitTests));
        return files;
    }

    private Manifest parse(Map<String, String> files) {
        TestProjects.write(dir, files);
        return TestProjects.parse(dir).result().manifest();
    }

    @Test
    void rowsAsDictsCsvSqlAndFixtureFilesAreRead() {
        Map<String, String> files = project("""
                unit_tests:
                  - name: amounts
                    description: checks amounts
                    model: orders
                    config: {tags: nightly, meta: {owner: ops}}
                    given:
                      - input: ref('stg_orders')
                        rows:
                          - {id: 1, status: placed}
                          - {id: 2}
                      - input: ref('eph')
                        format: sql
                        rows: select 1 as id
                    expect:
                      format: csv
                      rows: |
                        id,status,e_id
                        1,placed,1
                        2,,1
                    overrides:
                      vars: {x: 1}
                      macros: {is_incremental: true}
                      env_vars: {E: v}
                  - name: from_fixture
                    model: stg_orders
                    given:
                      - input: source('raw', 'orders')
                        format: csv
                        fixture: raw_orders
                    expect:
                      format: sql
                      fixture: expected_orders
                """);
        files.put("tests/fixtures/raw_orders.csv", "id,status\n1,placed\n");
        files.put("tests/fixtures/sub/expected_orders.sql", "select 1 as id, 'placed' as status");
        Manifest manifest = parse(files);

        assertThat(manifest.unitTests()).containsOnlyKeys("unit_test.p.orders.amounts", "unit_test.p.stg_orders.from_fixture");
        UnitTest amounts = manifest.unitTests().get("unit_test.p.orders.amounts");
        assertThat(amounts.modelUniqueId()).isEqualTo("model.p.orders");
        assertThat(amounts.fqn()).containsExactly("p", "marts", "orders", "amounts");
        assertThat(amounts.originalFilePath()).isEqualTo("models/marts/unit.yml");
        assertThat(amounts.path()).isEqualTo("marts/unit.yml");
        assertThat(amounts.config()).containsEntry("tags", List.of("nightly")).containsEntry("enabled", true);
        assertThat(amounts.given().get(0).inputUniqueId()).isEqualTo("model.p.stg_orders");
        assertThat(amounts.given().get(0).rows()).hasSize(2);
        assertThat(amounts.given().get(1).sql()).isEqualTo("select 1 as id");
        assertThat(amounts.expect().rows()).hasSize(2);
        assertThat(amounts.expect().rows().get(1)).containsEntry("id", "2").containsEntry("status", null);
        assertThat(amounts.overrides().macros()).containsEntry("is_incremental", true);
        assertThat(amounts.overrides().envVars()).containsEntry("E", "v");

        UnitTest fromFixture = manifest.unitTests().get("unit_test.p.stg_orders.from_fixture");
        assertThat(fromFixture.given().get(0).inputUniqueId()).isEqualTo("source.p.raw.orders");
        assertThat(fromFixture.given().get(0).rows()).containsExactly(Map.of("id", "1", "status", "placed"));
        assertThat(fromFixture.expect().sql()).isEqualTo("select 1 as id, 'placed' as status");
        assertThat(manifest.nodes().values()).noneMatch(n -> n.originalFilePath().startsWith("tests/fixtures"));
    }

    @Test
    void aUnitTestIsANodeOfTheGraphBelowItsModel() {
        TestProjects.write(dir, project("""
                unit_tests:
                  - name: t
                    model: inc
                    given:
                      - {input: ref('stg_orders'), rows: [{id: 1}]}
                      - {input: this, rows: [{id: 0}]}
                    expect: {rows: [{id: 1}]}
                """));
        var parsed = TestProjects.parse(dir);
        assertThat(parsed.result().dag().parents("unit_test.p.inc.t")).containsExactly("model.p.inc");
        assertThat(parsed.result().manifest().node("unit_test.p.inc.t")).get()
                .satisfies(n -> assertThat(n.resourceType()).isEqualTo(ResourceType.UNIT_TEST));
        assertThat(parsed.result().manifest().unitTests().get("unit_test.p.inc.t").given().get(1).isThis()).isTrue();
    }

    @Test
    void aVersionedModelGetsOneUnitTestPerIncludedVersion() {
        Map<String, String> files = project("""
                unit_tests:
                  - name: every_version
                    model: dim
                    given: [{input: "ref('stg_orders')", rows: [{id: 1}]}]
                    expect: {rows: [{id: 1}]}
                  - name: only_two
                    model: dim
                    versions: {include: [2]}
                    given: [{input: "ref('stg_orders')", rows: [{id: 1}]}]
                    expect: {rows: [{id: 1}]}
                """);
        files.put("models/dim_v1.sql", "select * from {{ ref('stg_orders') }}");
        files.put("models/dim_v2.sql", "select * from {{ ref('stg_orders') }}");
        files.put("models/dim.yml", "models:\n  - name: dim\n    latest_version: 2\n    versions: [{v: 1}, {v: 2}]\n");
        Manifest manifest = parse(files);
        assertThat(manifest.unitTests()).containsOnlyKeys("unit_test.p.dim.every_version_v1",
                "unit_test.p.dim.every_version_v2", "unit_test.p.dim.only_two_v2");
        assertThat(manifest.unitTests().get("unit_test.p.dim.only_two_v2").modelUniqueId()).isEqualTo("model.p.dim.v2");
        assertThat(manifest.unitTests().get("unit_test.p.dim.only_two_v2").version()).isEqualTo("2");
    }

    @Test
    void theUnitTestsOfAnInstalledPackageAreLeftOut() {
        Map<String, String> files = project("unit_tests: []\n");
        files.put("dbt_packages/other/dbt_project.yml", "name: other\n");
        files.put("dbt_packages/other/models/m.sql", "select 1 as id");
        files.put("dbt_packages/other/models/unit.yml", """
                unit_tests:
                  - name: of_a_package
                    model: m
                    given: []
                    expect: {rows: [{id: 1}]}
                """);
        TestProjects.write(dir, files);
        var parsed = TestProjects.parse(dir);
        assertThat(parsed.result().manifest().nodes()).containsKey("model.other.m");
        assertThat(parsed.result().manifest().unitTests()).isEmpty();
    }

    @Test
    void aDisabledUnitTestIsLeftOut() {
        Manifest manifest = parse(project("""
                unit_tests:
                  - name: off
                    model: stg_orders
                    config: {enabled: false}
                    given: [{input: "source('raw', 'orders')", rows: []}]
                    expect: {rows: []}
                """));
        assertThat(manifest.unitTests()).isEmpty();
    }

    @Test
    void anUnknownModelIsAnErrorAtTheTestsLine() {
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: ordrs
                    given: []
                    expect: {rows: []}
                """)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("models/marts/unit.yml:2")
                .hasMessageContaining("model 'ordrs', which was not found")
                .hasMessageContaining("did you mean 'orders'");
    }

    @Test
    void anInputThatIsNotARefOfTheModelIsAnError() {
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: stg_orders
                    given:
                      - input: ref('orders')
                        rows: []
                    expect: {rows: []}
                """)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("models/marts/unit.yml:5")
                .hasMessageContaining("input ref('orders') is not among the refs and sources of model 'stg_orders'");
    }

    @Test
    void anEphemeralInputMustBeGivenAsSql() {
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: orders
                    given:
                      - input: ref('eph')
                        rows: [{id: 1}]
                    expect: {rows: []}
                """)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("is an ephemeral model; give its rows with format: sql");
    }

    @Test
    void badShapesAreErrorsNamingFileAndLine() {
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: orders
                    given:
                      - input: ref('stg_orders')
                        format: json
                        rows: []
                    expect: {rows: []}
                """))).hasMessageContaining("models/marts/unit.yml:6").hasMessageContaining("format 'json' is not one of dict, csv, sql");
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: orders
                    given:
                      - input: stg_orders
                        rows: []
                    expect: {rows: []}
                """))).hasMessageContaining("models/marts/unit.yml:5")
                .hasMessageContaining("must be ref('...'), source('...', '...') or this");
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: orders
                    given: []
                """))).hasMessageContaining("models/marts/unit.yml:2").hasMessageContaining("needs 'expect:'");
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: orders
                    given: []
                    expect:
                      rows: "id\\n1"
                """))).hasMessageContaining("models/marts/unit.yml:6").hasMessageContaining("for CSV text add format: csv");
        assertThatThrownBy(() -> parse(project("""
                unit_tests:
                  - name: t
                    model: orders
                    given: []
                    expect: {format: csv, fixture: missing}
                """))).hasMessageContaining("fixture 'missing' not found; put missing.csv under tests/fixtures/");
    }
}
