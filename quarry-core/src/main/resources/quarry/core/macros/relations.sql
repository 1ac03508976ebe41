{#- The relation macros materializations call. The ones that run SQL go through statement(). -#}

{% macro create_view_as(relation, sql) -%}
    {{ adapter.dispatch('create_view_as', 'dbt')(relation, sql) }}
{%- endmacro %}
{% macro default__create_view_as(relation, sql) -%}
    create view {{ relation }} as (
    {{ sql }}
    );
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) -%}
    {{ adapter.dispatch('get_create_view_as_sql', 'dbt')(relation, sql) }}
{%- endmacro %}
{% macro default__get_create_view_as_sql(relation, sql) -%}
    {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
    {{ adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code) }}
{%- endmacro %}
{% macro default__create_table_as(temporary, relation, sql) -%}
    create {% if temporary %}temporary {% endif %}table {{ relation.include(database=(not temporary), schema=(not temporary)) }}
    as (
    {{ sql }}
    );
{%- endmacro %}

{% macro get_create_table_as_sql(temporary, relation, sql) -%}
    {{ adapter.dispatch('get_create_table_as_sql', 'dbt')(temporary, relation, sql) }}
{%- endmacro %}
{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
    {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro drop_relation(relation) -%}
    {{ return(adapter.dispatch('drop_relation', 'dbt')(relation)) }}
{%- endmacro %}
{% macro default__drop_relation(relation) -%}
    {% call statement('drop_relation', auto_begin=False) -%}
        drop {{ relation.type }} if exists {{ relation }} cascade
    {%- endcall %}
{%- endmacro %}

{% macro drop_relation_if_exists(relation) %}
    {% if relation is not none %}
        {{ adapter.drop_relation(relation) }}
    {% endif %}
{% endmacro %}

{% macro truncate_relation(relation) -%}
    {{ return(adapter.dispatch('truncate_relation', 'dbt')(relation)) }}
{%- endmacro %}
{% macro default__truncate_relation(relation) -%}
    {% call statement('truncate_relation') -%}
        truncate table {{ relation }}
    {%- endcall %}
{%- endmacro %}

{% macro rename_relation(from_relation, to_relation) -%}
    {{ return(adapter.dispatch('rename_relation', 'dbt')(from_relation, to_relation)) }}
{%- endmacro %}
{% macro default__rename_relation(from_relation, to_relation) -%}
    {% set target_name = adapter.quote_as_configured(to_relation.identifier, 'identifier') %}
    {% call statement('rename_relation') -%}
        alter table {{ from_relation }} rename to {{ target_name }}
    {%- endcall %}
{%- endmacro %}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') %}
    {{ return(adapter.dispatch('make_intermediate_relation', 'dbt')(base_relation, suffix)) }}
{% endmacro %}
{% macro default__make_intermediate_relation(base_relation, suffix) %}
    {{ return(default__make_temp_relation(base_relation, suffix)) }}
{% endmacro %}

{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') %}
    {{ return(adapter.dispatch('make_temp_relation', 'dbt')(base_relation, suffix)) }}
{% endmacro %}
{% macro default__make_temp_relation(base_relation, suffix) %}
    {%- set temp_identifier = base_relation.identifier ~ suffix -%}
    {{ return(base_relation.incorporate(path={"identifier": temp_identifier})) }}
{% endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') %}
    {{ return(adapter.dispatch('make_backup_relation', 'dbt')(base_relation, backup_relation_type, suffix)) }}
{% endmacro %}
{% macro default__make_backup_relation(base_relation, backup_relation_type, suffix) %}
    {%- set backup_identifier = base_relation.identifier ~ suffix -%}
    {{ return(base_relation.incorporate(path={"identifier": backup_identifier}, type=backup_relation_type)) }}
{% endmacro %}

{% macro get_columns_in_relation(relation) -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{% macro get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
    {{ return(adapter.dispatch('get_empty_subquery_sql', 'dbt')(select_sql, select_sql_header)) }}
{%- endmacro %}
{% macro default__get_empty_subquery_sql(select_sql, select_sql_header=none) %}
    {%- if select_sql_header is not none -%}
    {{ select_sql_header }}
    {%- endif -%}
    select * from (
        {{ select_sql }}
    ) as __dbt_sbq
    where false
    limit 0
{% endmacro %}

{% macro get_columns_in_query(select_sql) -%}
    {{ return(adapter.dispatch('get_columns_in_query', 'dbt')(select_sql)) }}
{%- endmacro %}
{% macro default__get_columns_in_query(select_sql) %}
    {% call statement('get_columns_in_query', fetch_result=True, auto_begin=False) -%}
        {{ get_empty_subquery_sql(select_sql) }}
    {% endcall %}
    {{ return(load_result('get_columns_in_query').table.columns | map(attribute='name') | list) }}
{% endmacro %}

{% macro create_schema(relation) -%}
    {{ adapter.dispatch('create_schema', 'dbt')(relation) }}
{%- endmacro %}
{% macro default__create_schema(relation) -%}
    {%- call statement('create_schema') -%}
        create schema if not exists {{ relation.without_identifier() }}
    {%- endcall -%}
{%- endmacro %}

{% macro drop_schema(relation) -%}
    {{ adapter.dispatch('drop_schema', 'dbt')(relation) }}
{%- endmacro %}
{% macro default__drop_schema(relation) -%}
    {%- call statement('drop_schema') -%}
        drop schema if exists {{ relation.without_identifier() }} cascade
    {%- endcall -%}
{%- endmacro %}

{% macro get_limit_sql(sql, limit) -%}
    {{ adapter.dispatch('get_limit_sql', 'dbt')(sql, limit) }}
{%- endmacro %}
{% macro default__get_limit_sql(sql, limit) %}
    {{ sql }}
    {% if limit is not none %}
    limit {{ limit }}
    {%- endif -%}
{% endmacro %}

{% macro load_cached_relation(relation) -%}
    {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{%- endmacro %}

{% macro load_relation(relation) -%}
    {{ return(load_cached_relation(relation)) }}
{%- endmacro %}
