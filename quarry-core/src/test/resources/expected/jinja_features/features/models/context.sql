
select
    '"warehouse"."analytics"."context"' as this_relation,
    'analytics.context' as this_parts,
    'dev/analytics/quarry_test' as target_info,
    'model.features.context' as model_id,
    'id|view|fallback' as configs,
    'eu/us|20|cli value' as vars,
    'green' as env_value,
    'True|compile|False' as runtime,
    'DISPATCHED!!' as dispatched,
    'table' as from_graph
from "warehouse"."analytics"."base"
join "warehouse"."analytics"."base" using (id)
join "warehouse"."analytics"."versioned_v1" using (id)
join "warehouse"."analytics"."versioned_v2" using (id)
join "warehouse"."landing"."events_v3" using (id)