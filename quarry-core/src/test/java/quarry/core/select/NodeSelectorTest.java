package quarry.core.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.testing.TestProjects;

class NodeSelectorTest {

    @TempDir
    Path dir;

    private NodeSelector selector;

    @BeforeEach
    void project() {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\nmodels:\n  p:\n    marts:\n      +materialized: table\n      +tags: [nightly]\n",
                "models/staging/stg_a.sql", "select * from {{ source('raw', 'a') }}",
                "models/staging/stg_b.sql", "select 1 as id",
                "models/marts/fct.sql", "select * from {{ ref('stg_a') }} join {{ ref('stg_b') }}",
                "models/marts/report.sql", "{{ config(materialized='incremental') }} select * from {{ ref('fct') }}",
                "models/props.yml", """
                        sources:
                          - name: raw
                            tables: [{name: a}]
                        models:
                          - name: fct
                            columns:
                              - name: id
                                data_tests: [unique]
                        """,
                "selectors.yml", """
                        selectors:
                          - name: marts_only
                            definition:
                              union:
                                - method: path
                                  value: models/marts
                                - exclude:
                                    - method: config.materialized
                                      value: incremental
                        """));
        var parsed = TestProjects.parse(dir);
        selector = new NodeSelector(parsed.result().manifest(), parsed.result().dag(), Selectors.load(dir));
    }

    private Set<String> select(String... args) {
        return selector.onlyTypes(selector.select(List.of(args), List.of(), null), List.of("model", "source"));
    }

    @Test
    void methodsSelectByNameFolderPathTagConfigAndSource() {
        assertThat(select("fct")).containsExactly("model.p.fct");
        assertThat(select("staging")).containsExactlyInAnyOrder("model.p.stg_a", "model.p.stg_b");
        assertThat(select("path:models/marts")).containsExactlyInAnyOrder("model.p.fct", "model.p.report");
        assertThat(select("tag:nightly")).containsExactlyInAnyOrder("model.p.fct", "model.p.report");
        assertThat(select("config.materialized:incremental")).containsExactly("model.p.report");
        assertThat(select("source:raw")).containsExactly("source.p.raw.a");
        assertThat(select("p.staging.*")).containsExactlyInAnyOrder("model.p.stg_a", "model.p.stg_b");
    }

    @Test
    void graphOperatorsAndSetOperations() {
        assertThat(select("+fct")).containsExactlyInAnyOrder("model.p.fct", "model.p.stg_a", "model.p.stg_b", "source.p.raw.a");
        assertThat(select("1+fct")).containsExactlyInAnyOrder("model.p.fct", "model.p.stg_a", "model.p.stg_b");
        assertThat(select("stg_a+")).containsExactlyInAnyOrder("model.p.stg_a", "model.p.fct", "model.p.report");
        assertThat(select("@stg_a")).contains("model.p.stg_b", "source.p.raw.a");
        assertThat(select("staging tag:nightly")).hasSize(4);
        assertThat(select("tag:nightly,config.materialized:table")).containsExactly("model.p.fct");
        assertThat(selector.onlyTypes(selector.select(List.of("staging"), List.of("stg_b"), null), List.of("model")))
                .containsExactly("model.p.stg_a");
    }

    @Test
    void testsFollowTheirParentsAndTestTypesSelect() {
        Set<String> all = selector.select(List.of("fct"), List.of(), null);
        assertThat(all).anyMatch(id -> id.startsWith("test.p.unique_fct_id."));
        assertThat(selector.select(List.of("test_type:generic"), List.of(), null)).singleElement().asString().startsWith("test.");
    }

    @Test
    void namedSelectorsFromSelectorsYml() {
        assertThat(selector.onlyTypes(selector.select(List.of(), List.of(), "marts_only"), List.of("model")))
                .containsExactly("model.p.fct");
        assertThatThrownBy(() -> selector.select(List.of(), List.of(), "mart_only"))
                .hasMessageContaining("did you mean 'marts_only'");
    }

    @Test
    void anUnknownMethodSuggestsOne() {
        assertThatThrownBy(() -> select("tags:nightly")).isInstanceOf(SelectionException.class)
                .hasMessageContaining("did you mean 'tag'");
    }

    @Test
    void indirectSelectionModesDecideWhichTestsComeWithTheSelectedNodes() {
        TestProjects.write(dir, Map.of("models/props.yml", """
                sources:
                  - name: raw
                    tables: [{name: a}]
                models:
                  - name: fct
                    columns:
                      - name: id
                        data_tests:
                          - unique
                          - relationships: {to: ref('stg_b'), field: id}
                """));
        var parsed = TestProjects.parse(dir);
        NodeSelector s = new NodeSelector(parsed.result().manifest(), parsed.result().dag(), Map.of());
        java.util.function.BiFunction<String, NodeSelector.IndirectSelection, Set<String>> tests = (expr, mode) ->
                s.onlyTypes(s.select(List.of(expr), List.of(), null, mode), List.of("test"));
        assertThat(tests.apply("fct", NodeSelector.IndirectSelection.EAGER)).hasSize(2);
        assertThat(tests.apply("fct", NodeSelector.IndirectSelection.CAUTIOUS)).hasSize(1)
                .allMatch(id -> id.startsWith("test.p.unique_fct_id"));
        assertThat(tests.apply("fct", NodeSelector.IndirectSelection.BUILDABLE)).hasSize(2);
        assertThat(tests.apply("fct", NodeSelector.IndirectSelection.EMPTY)).isEmpty();
        assertThat(tests.apply("stg_b", NodeSelector.IndirectSelection.BUILDABLE)).isEmpty();
        assertThat(tests.apply("stg_b", NodeSelector.IndirectSelection.EAGER)).hasSize(1);
        // excluding a model excludes its tests too
        assertThat(s.onlyTypes(s.select(List.of("fct stg_b"), List.of("stg_b"), null), List.of("test"))).hasSize(1)
                .allMatch(id -> id.startsWith("test.p.unique_fct_id"));
    }
}
