{#- the dbt context: ref with one and two arguments and versions, source, config, var, env_var, this, target, model -#}
{{ config(meta={'owner': 'data'}, unique_key='id') }}
select
    '{{ this }}' as this_relation,
    '{{ this.schema }}.{{ this.identifier }}' as this_parts,
    '{{ target.name }}/{{ target.schema }}/{{ target.type }}' as target_info,
    '{{ model.unique_id }}' as model_id,
    '{{ config.get('unique_key') }}|{{ config.require('materialized') }}|{{ config.get('missing', 'fallback') }}' as configs,
    '{{ var('regions') | join('/') }}|{{ var('limits')['us'] }}|{{ var('from_cli', 'no cli var') }}' as vars,
    '{{ env_var('FEATURES_COLOR', 'blue') }}' as env_value,
    '{{ execute }}|{{ flags.WHICH }}|{{ is_incremental() }}' as runtime,
    '{{ shout('dispatched') }}' as dispatched,
    '{{ graph.nodes['model.features.base'].config.materialized }}' as from_graph
from {{ ref('base') }}
join {{ ref('features', 'base') }} using (id)
join {{ ref('versioned', v=1) }} using (id)
join {{ ref('versioned') }} using (id)
join {{ source('raw', 'events') }} using (id)
