{#- Rockset has no CREATE TABLE AS or CREATE VIEW DDL in SQL: collections and views are made through its
    REST API by the materializations. create_view_as and create_table_as render a CREATE VIEW or
    CREATE TABLE ... AS that the adapter's connection carries out through the API when a macro runs
    it (run_query, statement): a project's own materialization can use them. -#}

{% macro rockset__create_view_as(relation, sql) -%}
    CREATE OR REPLACE VIEW {{ relation }} AS
    {{ sql }}
{%- endmacro %}

{% macro rockset__create_table_as(temporary, relation, sql) -%}
    CREATE TABLE {{ relation }} AS
    {{ sql }}
{%- endmacro %}

{% macro rockset__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
    SELECT * FROM (
        {{ select_sql }}
    ) AS __dbt_sbq
    LIMIT 0
{%- endmacro %}
