select customer_id, customer_lifetime_value
from "shop"."customers"
order by customer_lifetime_value desc
limit 10