{#
  Seeds land in <workspace>_raw. Other nodes with a custom schema land in
  <workspace>_<custom> in development and in <custom> itself in production.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set default_schema = target.schema -%}
    {%- if node.resource_type == 'seed' -%}
        {{ default_schema }}_raw
    {%- elif custom_schema_name is none -%}
        {{ default_schema }}
    {%- elif target.name == 'prod' -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ default_schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
