package quarry.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How dbt's engine drives the Jinja engine: materializations, statement blocks, load_result, run_query. */
class DbtPatternsTest {
    private final JinjaEnvironment env = JinjaEnvironment.standard();

    private static final String GLOBAL_MACROS = """
            {% macro statement(name=None, fetch_result=False, auto_begin=True) -%}
              {%- if execute: -%}
                {%- set compiled_code = caller() -%}
                {%- set res = run_sql(compiled_code) if fetch_result else none -%}
                {{ store_result(name, response='OK', agate_table=res) }}
              {%- endif -%}
            {%- endmacro %}

            {% macro run_query(sql) %}
              {% call statement("run_query_statement", fetch_result=true, auto_begin=false) %}
                {{ sql }}
              {% endcall %}
              {% do return(load_result("run_query_statement").table) %}
            {% endmacro %}

            {% materialization table, default %}
              {%- set target_relation = this -%}
              {% call statement('main') -%}
                create table {{ target_relation }} as ({{ sql }})
              {%- endcall %}
              {{ return({'relations': [target_relation]}) }}
            {% endmaterialization %}
            """;

    @Test
    void materializationRunsStatementsAndReturnsItsRelations() {
        Template macros = env.parse("macros/global.sql", GLOBAL_MACROS);
        List<String> executed = new ArrayList<>();
        Map<String, Object> results = new HashMap<>();
        Context ctx = env.newContext();
        macros.macros().forEach(d -> ctx.set(d.name(), ctx.bind(d)));
        ctx.set("execute", true)
                .set("this", "analytics.orders")
                .set("sql", "select 1 as id")
                .set("run_sql", (JinjaCallable) a -> {
                    executed.add(((String) a.get(0)).strip());
                    return List.of(List.of(1L));
                })
                .set("store_result", (JinjaCallable) a -> {
                    executed.add("stored " + a.get(0));
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("response", a.keywords().get("response"));
                    result.put("table", a.keywords().get("agate_table"));
                    results.put((String) a.get(0), result);
                    return "";
                })
                .set("load_result", (JinjaCallable) a -> results.get((String) a.get(0)));

        Object result = ctx.call("materialization_table_default", Arguments.empty());

        assertThat(result).isEqualTo(Map.of("relations", List.of("analytics.orders")));
        assertThat(executed).containsExactly("stored main");

        Object rows = ctx.call("run_query", Arguments.of("select 42"));
        assertThat(rows).isEqualTo(List.of(List.of(1L)));
        assertThat(executed).contains("select 42", "stored run_query_statement");
    }

    @Test
    void parsePassCapturesRefsWithLenientUndefined() {
        Template model = env.parse("models/orders.sql", """
                {{ config(materialized='incremental', unique_key='id') }}
                select * from {{ ref('stg_orders') }}
                {% if is_incremental() %}
                where updated_at > (select max(updated_at) from {{ this }})
                {% endif %}
                {% set cols = adapter.get_columns_in_relation(ref('stg_orders')) %}
                {% for c in cols %}{{ c.name }}{% endfor %}
                """);
        List<String> refs = new ArrayList<>();
        Map<String, Object> config = new LinkedHashMap<>();
        Context ctx = env.newContext()
                .lenientUndefined(true)
                .set("execute", false)
                .set("config", (JinjaCallable) a -> {
                    config.putAll(a.keywords());
                    return "";
                })
                .set("ref", (JinjaCallable) a -> {
                    refs.add((String) a.get(a.size() - 1));
                    return "\"db\".\"" + a.get(a.size() - 1) + "\"";
                })
                .set("is_incremental", (JinjaCallable) a -> false);
        model.render(ctx);
        assertThat(refs).containsExactly("stg_orders", "stg_orders");
        assertThat(config).containsEntry("materialized", "incremental").containsEntry("unique_key", "id");
    }
}
