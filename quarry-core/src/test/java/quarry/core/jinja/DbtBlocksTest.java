package quarry.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DbtBlocksTest {
    private final JinjaEnvironment env = JinjaEnvironment.standard();

    @Test
    void testBlocksDefineTestMacros() {
        Template t = env.parse("macros/t.sql",
                "{% test is_even(model, column_name) %}select * from {{ model }} where {{ column_name }} % 2 = 1"
                        + "{% endtest %}");
        assertThat(t.macros()).extracting(MacroDefinition::name).containsExactly("test_is_even");
        assertThat(t.macros().get(0).parameters()).containsExactly("model", "column_name");
        Context ctx = env.newContext();
        Object sql = ctx.call(ctx.bind(t.macros().get(0)), Arguments.of("t", "c"));
        assertThat(sql).isEqualTo("select * from t where c % 2 = 1");
    }

    @Test
    void materializationBlocksAreNamedByAdapter() {
        Template t = env.parse("macros/m.sql",
                "{% materialization table, default %}a{% endmaterialization %}\n"
                        + "{% materialization view, adapter='rockset', supported_languages=['sql'] %}b{% endmaterialization %}\n"
                        + "{% materialization seed %}c{% endmaterialization %}");
        assertThat(t.macros()).extracting(MacroDefinition::name)
                .containsExactly("materialization_table_default", "materialization_view_rockset",
                        "materialization_seed_default");
    }

    @Test
    void snapshotAndDocsBlocksKeepTheirBody() {
        Template t = env.parse("snapshots/s.sql",
                "{% snapshot orders_snapshot %}\n{{ config(strategy='check') }}\nselect 1\n{% endsnapshot %}\n"
                        + "{% docs orders %}The **orders** table.{% enddocs %}");
        assertThat(t.blocks()).extracting(NamedBlock::kind, NamedBlock::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("snapshot", "orders_snapshot"),
                        org.assertj.core.groups.Tuple.tuple("docs", "orders"));
        assertThat(t.blocks().get(0).rawBody()).isEqualTo("\n{{ config(strategy='check') }}\nselect 1\n");
        assertThat(t.blocks().get(1).body().render(Map.of())).isEqualTo("The **orders** table.");
        assertThat(t.render(Map.of())).isEqualTo("\n");
    }

    @Test
    void listsTopLevelMacrosWithoutRendering() {
        Template t = env.parse("macros/a.sql",
                "{% macro a() %}{% macro inner() %}{% endmacro %}{% endmacro %}\n{% macro b(x, y=1) %}{% endmacro %}");
        assertThat(t.macros()).extracting(MacroDefinition::name).containsExactly("a", "b");
        assertThat(t.macros().get(1).line()).isEqualTo(2);
        assertThat(t.macros().get(1).hasDefault(1)).isTrue();
    }

    @Test
    void macrosListTheNamesTheyRead() {
        Template t = env.parse("macros/a.sql",
                "{% macro a(x) %}{{ dbt_utils.star(x) ~ helper(x) }}{% for c in cols %}{{ c }}{% endfor %}{% endmacro %}"
                        + "{{ ref('m') }}");
        assertThat(t.macros().get(0).referencedNames()).containsExactly("c", "cols", "dbt_utils", "dbt_utils.star", "helper", "x");
        assertThat(t.referencedNames()).containsExactly("c", "cols", "dbt_utils", "dbt_utils.star", "helper", "ref", "x");
    }
}
