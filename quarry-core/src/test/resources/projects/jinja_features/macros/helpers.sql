{% macro quote_all(names) -%}
    {%- set quoted = [] -%}
    {%- for n in names -%}{% do quoted.append("'" ~ n ~ "'") %}{%- endfor -%}
    {{ return(quoted | join(', ')) }}
{%- endmacro %}

{% macro shout(text) -%}
    {{ return(adapter.dispatch('shout', 'features')(text)) }}
{%- endmacro %}
{% macro default__shout(text) -%}{{ text | upper }}!{%- endmacro %}
{% macro quarry_test__shout(text) -%}{{ text | upper }}!!{%- endmacro %}

{% macro wrap_in_select() -%}
select * from ({{ caller() }}) as wrapped
{%- endmacro %}

{% macro first_positive(values) -%}
    {%- for v in values -%}
        {%- if v > 0 -%}{{ return(v) }}{%- endif -%}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}
