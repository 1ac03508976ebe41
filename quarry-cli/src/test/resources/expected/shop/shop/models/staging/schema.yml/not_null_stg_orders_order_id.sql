select order_id
from "shop"."stg_orders"
where order_id is null
