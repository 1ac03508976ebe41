{#- statement(): runs the SQL of its call block when executing and keeps the result under its name. -#}

{% macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
    {%- if execute -%}
        {%- set sql = caller() -%}
        {%- if name == 'main' -%}
            {{ log('Writing runtime SQL for node "' ~ model['unique_id'] ~ '"') }}
        {%- endif -%}
        {%- set response, table = adapter.execute(sql, auto_begin=auto_begin, fetch=fetch_result) -%}
        {%- if name is not none -%}
            {{ store_result(name, response=response, agate_table=table) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{% macro noop_statement(name=None, message=None, code=None, rows_affected=None, res=None) -%}
    {%- set sql = caller() -%}
    {%- if name is not none -%}
        {{ store_raw_result(name, message=message, code=code, rows_affected=rows_affected, agate_table=res) }}
    {%- endif -%}
{%- endmacro %}

{% macro run_query(sql) %}
    {% call statement("run_query_statement", fetch_result=true, auto_begin=false) %}
        {{ sql }}
    {% endcall %}
    {% do return(load_result("run_query_statement").table) %}
{% endmacro %}
