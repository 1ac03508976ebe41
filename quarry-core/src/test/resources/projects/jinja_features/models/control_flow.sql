{#- do, namespace, loop controls, call blocks with caller(), whitespace control, return() -#}
{%- set ns = namespace(count=0, names=[]) -%}
{%- for region in var('regions') + ['apac', 'skip', 'latam'] -%}
    {%- if region == 'skip' %}{% continue %}{% endif -%}
    {%- if region == 'latam' %}{% break %}{% endif -%}
    {%- set ns.count = ns.count + 1 -%}
    {%- do ns.names.append(region) -%}
{%- endfor -%}
{% call wrap_in_select() %}
    select {{ ns.count }} as regions, {{ quote_all(ns.names) }} as names, {{ first_positive([-1, 0, 7, 9]) }} as first_positive
{% endcall %}
