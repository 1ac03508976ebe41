{#- modules, JSON and YAML, zip, set, local_md5, log, print, exceptions.warn -#}
{%- set parsed = fromjson('{"k": [1, 2], "flag": true}') -%}
{%- set from_yaml = fromyaml('a: 1\nb: [x, y]') -%}
{%- do log('compiling utilities', info=true) -%}
{%- do print('printed while compiling') -%}
select
    '{{ modules.datetime.datetime(2024, 5, 17, 8, 30).strftime('%Y-%m-%d %H:%M') }}' as formatted_date,
    '{{ modules.re.sub('[aeiou]', '_', 'quarry') }}' as regex,
    '{{ modules.itertools.product([1, 2], ['a']) | list }}' as product,
    '{{ tojson(parsed) }}' as json_text,
    '{{ from_yaml.b[1] }}|{{ toyaml({'z': [1]}) | trim }}' as yaml_values,
    '{{ zip([1, 2], ['a', 'b']) | list }}' as zipped,
    '{{ set([1, 1, 2]) | length }}' as distinct_count,
    '{{ local_md5('quarry') }}' as md5,
    {{ run_started_at.year > 2000 }} as has_start_time,
    {{ invocation_id | length == 36 }} as has_invocation_id
