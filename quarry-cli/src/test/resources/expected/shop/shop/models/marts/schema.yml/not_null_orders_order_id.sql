select order_id
from "shop"."orders"
where order_id is null
