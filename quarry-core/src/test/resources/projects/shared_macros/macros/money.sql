{% macro money(column) -%}
    {{ return(adapter.dispatch('money', 'shared_macros')(column)) }}
{%- endmacro %}

{% macro default__money(column) -%}
    round({{ column }}, 2)
{%- endmacro %}

{% macro label(column) -%}
    {{ return(adapter.dispatch('label', 'shared_macros')(column)) }}
{%- endmacro %}

{% macro default__label(column) -%}
    upper({{ column }})
{%- endmacro %}

{% macro quarry_test__label(column) -%}
    lower({{ column }})
{%- endmacro %}
