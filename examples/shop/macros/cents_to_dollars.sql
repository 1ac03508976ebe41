{# Amounts are stored in cents; dispatched so each database divides its own way. #}
{% macro cents_to_dollars(column_name, scale=2) -%}
    {{ return(adapter.dispatch('cents_to_dollars')(column_name, scale)) }}
{%- endmacro %}

{% macro default__cents_to_dollars(column_name, scale) -%}
    round(({{ column_name }} / 100.0), {{ scale }})
{%- endmacro %}

{% macro rockset__cents_to_dollars(column_name, scale) -%}
    ROUND(CAST({{ column_name }} AS float) / 100, {{ scale }})
{%- endmacro %}
