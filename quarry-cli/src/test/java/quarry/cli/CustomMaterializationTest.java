package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's own {@code {% materialization %}}, run by Quarry as dbt runs one, over a real quarry-server. */
class CustomMaterializationTest {

    private static final String INSERT_ONLY = """
            {% materialization insert_only, default %}
              {%- set target_relation = this.incorporate(type='table') -%}
              {%- set existing = load_relation(this) -%}
              {{ run_hooks(pre_hooks, inside_transaction=False) }}
              {{ run_hooks(pre_hooks, inside_transaction=True) }}
              {% if existing is none %}
                {% call statement('main') %}{{ create_table_as(False, target_relation, sql) }}{% endcall %}
              {% else %}
                {% call statement('main') %}insert into {{ target_relation }} {{ sql }}{% endcall %}
              {% endif %}
              {{ run_hooks(post_hooks, inside_transaction=True) }}
              {{ adapter.commit() }}
              {{ run_hooks(post_hooks, inside_transaction=False) }}
              {{ return({'relations': [target_relation]}) }}
            {% endmaterialization %}
            """;

    @Test
    void aJinjaMaterializationBuildsThenAppendsAndRunsTheHooks(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "custom")
                .write("macros/insert_only.sql", INSERT_ONLY)
                .write("models/events.sql", "{{ config(materialized='insert_only',"
                        + " post_hook=\"insert into {{ this }} select 99 as x\") }}\nselect 1 as x")
                .write("models/reader.sql", "select count(*) as n from {{ ref('events') }}")) {
            CliProject.Outcome first = project.quarry("run");
            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(first.out()).contains("OK created sql insert_only model custom.events", "PASS=2");
            CliProject.Outcome second = project.quarry("run", "-s", "events");
            assertThat(second.exitCode()).as(second.all()).isZero();
            CliProject.Outcome rows = project.quarry("show", "--inline",
                    "select count(*) as n, sum(x) as total from custom.events");
            assertThat(rows.out()).contains("4", "200");
        }
    }

    @Test
    void aMaterializationNoOneDefinesIsAClearErrorOfThatModelOnly(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "nomat")
                .write("models/odd.sql", "{{ config(materialized='nosuch') }} select 1 as x")
                .write("models/fine.sql", "select 1 as x")) {
            CliProject.Outcome run = project.quarry("run");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.all()).contains("no materialization 'nosuch'", "PASS=1", "ERROR=1")
                    .doesNotContain("Exception");
        }
    }
}
