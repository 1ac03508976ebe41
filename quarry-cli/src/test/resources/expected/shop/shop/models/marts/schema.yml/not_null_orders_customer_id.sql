select customer_id
from "shop"."orders"
where customer_id is null
