package quarry.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.artifacts.InvocationInfo;
import quarry.core.artifacts.ManifestWriter;
import quarry.core.testing.TestProjects;

/**
 * The {@code state:} method's checks: a manifest written from the project on the prod target is
 * the earlier state; the project is then edited and selected on the dev target.
 */
class StateSelectionTest {

    @TempDir
    Path dir;

    private Path state;

    @BeforeEach
    void earlierRun() throws Exception {
        TestProjects.write(dir, Map.of(
                "dbt_project.yml", "name: p\nprofile: test\nmodels:\n  p:\n    +materialized: view\n",
                "macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100){% endmacro %}\n"
                        + "{% macro money(c) %}{{ cents(c) }}{% endmacro %}",
                "models/a.sql", "select 1 as id, {{ money('price') }} as amount",
                "models/b.sql", "select * from {{ ref('a') }}",
                "models/c.sql", "{{ config(materialized='table') }} select * from {{ ref('b') }}",
                "models/props.yml", """
                        models:
                          - name: b
                            description: the b model
                            config: {persist_docs: {relation: true}}
                          - name: c
                            description: not persisted
                            config: {contract: {enforced: true}}
                            columns:
                              - name: id
                                data_type: int
                        """));
        state = dir.resolve("state");
        Files.createDirectories(state);
        var parsed = TestProjects.parse(TestProjects.session(dir, Map.of(), Map.of(), "prod"));
        new ManifestWriter(parsed.session().relationStyle()).write(state.resolve("manifest.json"),
                parsed.result().manifest(), parsed.result().dag(), new InvocationInfo("id-1",
                        Instant.parse("2026-01-01T00:00:00Z"), "1.12.0", "quarry_test", Map.of()), Map.of());
    }

    private Set<String> select(String expression) {
        var parsed = TestProjects.parse(dir);
        NodeSelector selector = new NodeSelector(parsed.result().manifest(), parsed.result().dag(), Map.of(),
                Optional.of(PriorState.read(state)));
        return selector.onlyTypes(selector.select(List.of(expression), List.of(), null), List.of("model"));
    }

    @Test
    void anUnchangedProjectOnAnotherTargetIsUnmodified() {
        assertThat(select("state:modified")).isEmpty();
        assertThat(select("state:new")).isEmpty();
        assertThat(select("state:old")).containsExactlyInAnyOrder("model.p.a", "model.p.b", "model.p.c");
        assertThat(select("state:unmodified")).hasSize(3);
    }

    @Test
    void eachCheckSeesItsOwnKindOfChange() {
        TestProjects.write(dir, Map.of("models/props.yml", """
                models:
                  - name: b
                    description: the b model, reworded
                    config: {persist_docs: {relation: true}}
                  - name: c
                    description: not persisted, reworded
                    config: {contract: {enforced: true}, alias: c_renamed}
                    columns:
                      - name: id
                        data_type: bigint
                """));
        assertThat(select("state:modified.persisted_descriptions")).containsExactly("model.p.b");
        assertThat(select("state:modified.contract")).containsExactly("model.p.c");
        assertThat(select("state:modified.relation")).containsExactly("model.p.c");
        assertThat(select("state:modified.configs")).containsExactly("model.p.c");
        assertThat(select("state:modified.body")).isEmpty();
        assertThat(select("state:modified")).containsExactlyInAnyOrder("model.p.b", "model.p.c");
    }

    @Test
    void aChangedMacroModifiesTheNodesThatCallItThroughOtherMacros() {
        TestProjects.write(dir, Map.of("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}\n"
                + "{% macro money(c) %}{{ cents(c) }}{% endmacro %}"));
        assertThat(select("state:modified.macros")).containsExactly("model.p.a");
        assertThat(select("state:modified+")).containsExactlyInAnyOrder("model.p.a", "model.p.b", "model.p.c");
        assertThat(select("state:modified.body")).isEmpty();
    }

    @Test
    void aNewModelIsNewAndModified() {
        TestProjects.write(dir, Map.of("models/d.sql", "select 2 as id"));
        assertThat(select("state:new")).containsExactly("model.p.d");
        assertThat(select("state:modified")).containsExactly("model.p.d");
        assertThat(select("state:modified.body")).containsExactly("model.p.d");
    }
}
