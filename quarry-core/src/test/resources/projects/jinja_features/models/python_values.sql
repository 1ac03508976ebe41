{#- Python behaviour of values: methods, formatting, rendering of None, True, lists and dicts -#}
{%- set d = {'a': 1, 'b': [1, 'two', none, true]} -%}
select
    '{{ 'Hello World'.upper() }}' as upper_text,
    '{{ 'a,b,c'.split(',') }}' as split_list,
    '{{ '{} + {}'.format(1, 2) }}' as formatted,
    '{{ '%s-%05.1f' % ('x', 3.14159) }}' as percent_formatted,
    '{{ d }}' as dict_text,
    '{{ d.get('missing', 'default') }}' as dict_get,
    {%- for key, value in d.items() %}
    '{{ key }}={{ value }}' as item_{{ loop.index }},
    {%- endfor %}
    '{{ none }}|{{ true }}|{{ 1.0 }}|{{ 10 // 3 }}|{{ 2 ** 10 }}' as scalars,
    '{{ [1, 2, 3] | sum }}' as total
