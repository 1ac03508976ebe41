select customer_id
from "shop"."customers"
where customer_id is null
