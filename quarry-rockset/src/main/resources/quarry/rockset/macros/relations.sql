{#- Rockset has no CREATE TABLE AS or CREATE VIEW DDL in SQL: collections and views are made through its
    REST API by the materializations. What SQL does show is the SELECT a view or collection is built from. -#}

{% macro rockset__create_view_as(relation, sql) -%}
    {{ sql }}
{%- endmacro %}

{% macro rockset__create_table_as(temporary, relation, sql) -%}
    INSERT INTO {{ relation }}
    {{ sql }}
{%- endmacro %}

{% macro rockset__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
    SELECT * FROM (
        {{ select_sql }}
    ) AS __dbt_sbq
    LIMIT 0
{%- endmacro %}
