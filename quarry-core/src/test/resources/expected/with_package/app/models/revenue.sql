select
    cast(amount as decimal(18, 2)) as amount,
    lower(region) as region_label,
    'a' || 'b' as joined
from "warehouse"."analytics"."calendar"