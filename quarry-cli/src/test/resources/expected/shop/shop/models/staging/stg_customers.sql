select
    id as customer_id,
    first_name,
    last_name
from "shop_raw"."raw_customers"