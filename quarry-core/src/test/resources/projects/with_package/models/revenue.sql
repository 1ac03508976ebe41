select
    {{ shared_macros.money('amount') }} as amount,
    {{ shared_macros.label('region') }} as region_label,
    {{ dbt.concat(["'a'", "'b'"]) }} as joined
from {{ ref('shared_macros', 'calendar') }}
