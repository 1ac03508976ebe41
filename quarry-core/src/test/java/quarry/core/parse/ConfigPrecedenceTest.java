package quarry.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;
import quarry.core.testing.TestProjects;

class ConfigPrecedenceTest {

    @TempDir
    Path dir;

    private static final String PROJECT = """
            name: p
            profile: test
            models:
              +meta: {team: data}
              p:
                +materialized: table
                +tags: [project]
                staging:
                  +materialized: view
                  +schema: staging
                  +tags: [staging]
            """;

    @Test
    void projectThenPropertiesThenConfigCallWithDbtMergeRules() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", PROJECT,
                "models/staging/stg.sql", "{{ config(tags=['file'], alias='stg_alias') }} select 1",
                "models/staging/props.yml", """
                        models:
                          - name: stg
                            tags: [yaml]
                            config:
                              materialized: ephemeral
                              meta: {owner: me}
                        """,
                "models/plain.sql", "select 1"));
        Manifest m = TestProjects.parse(dir).result().manifest();
        Node stg = m.nodes().get("model.p.stg");
        assertThat(stg.materialized()).isEqualTo("ephemeral");
        assertThat(stg.tags()).containsExactly("project", "staging", "yaml", "file");
        assertThat(stg.meta()).containsEntry("team", "data").containsEntry("owner", "me");
        assertThat(stg.alias()).isEqualTo("stg_alias");
        assertThat(stg.schema()).isEqualTo("analytics_staging");
        Node plain = m.nodes().get("model.p.plain");
        assertThat(plain.materialized()).isEqualTo("table");
        assertThat(plain.schema()).isEqualTo("analytics");
        assertThat(plain.database()).isEqualTo("warehouse");
    }

    @Test
    void disabledNodesLeaveWithTheirTestsAndARefToThemNamesThem() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", PROJECT,
                "models/switched_off.sql", "{{ config(enabled=false) }} select 1 as id",
                "models/props.yml", "models:\n  - name: switched_off\n    columns:\n      - name: id\n        data_tests: [unique]\n"));
        Manifest m = TestProjects.parse(dir).result().manifest();
        assertThat(m.nodes()).doesNotContainKey("model.p.switched_off");
        assertThat(m.nodes().keySet()).noneMatch(id -> id.startsWith("test."));
        assertThat(m.disabled()).containsKey("model.p.switched_off");

        TestProjects.write(dir, Map.of("models/uses.sql", "select * from {{ ref('switched_off') }}"));
        assertThatThrownBy(() -> TestProjects.parse(dir)).isInstanceOf(ParseException.class)
                .hasMessageContaining("models/uses.sql:1").hasMessageContaining("'switched_off' is disabled");
    }

    @Test
    void aMissingRefNamesTheClosestNodeAndTheLine() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", PROJECT,
                "models/orders.sql", "select 1",
                "models/report.sql", "select *\nfrom {{ ref('ordrs') }}"));
        assertThatThrownBy(() -> TestProjects.parse(dir)).isInstanceOf(ParseException.class)
                .hasMessage("models/report.sql:2: ref('ordrs') not found; did you mean 'orders'?");
    }

    @Test
    void unknownConfigAndPropertyKeysWarnWithDidYouMean() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", PROJECT.replace("+materialized: table", "+materialised: table"),
                "models/orders.sql", "select 1",
                "models/props.yml", "models:\n  - name: orders\n    colums: []\n    config:\n      unique_kye: id\n"));
        var parsed = TestProjects.parse(dir);
        List<String> warnings = parsed.session().diagnostics().warnings();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("'+materialised'").contains("did you mean '+materialized'"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("models/props.yml:3").contains("did you mean 'columns'"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("models/props.yml:5").contains("did you mean 'unique_key'"));
    }

    @Test
    void sourcesResolveWithJinjaInSchemaAndIdentifier() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", PROJECT + "vars:\n  raw_schema: landing\n",
                "models/orders.sql", "select * from {{ source('raw', 'orders') }}",
                "models/sources.yml", """
                        sources:
                          - name: raw
                            schema: "{{ var('raw_schema') }}"
                            tables:
                              - name: orders
                                identifier: "{{ target.name }}_orders"
                                columns:
                                  - name: id
                                    data_tests: [not_null]
                        """));
        var parsed = TestProjects.parse(dir);
        var source = parsed.result().manifest().sources().get("source.p.raw.orders");
        assertThat(source.schema()).isEqualTo("landing");
        assertThat(source.identifier()).isEqualTo("dev_orders");
        assertThat(parsed.result().manifest().nodes()).containsKey(
                parsed.result().manifest().nodes().keySet().stream().filter(k -> k.startsWith("test.p.source_not_null_raw_orders_id."))
                        .findFirst().orElse("missing"));
        assertThat(parsed.compiled("model.p.orders")).isEqualTo("select * from \"warehouse\".\"landing\".\"dev_orders\"");
    }
}
