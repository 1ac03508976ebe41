select customer_id
from "shop"."stg_customers"
where customer_id is null
