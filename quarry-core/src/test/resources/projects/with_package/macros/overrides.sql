{# The root project overrides one dispatched macro of the package; the search order puts it first. #}
{% macro quarry_test__money(column) -%}
    cast({{ column }} as decimal(18, 2))
{%- endmacro %}
