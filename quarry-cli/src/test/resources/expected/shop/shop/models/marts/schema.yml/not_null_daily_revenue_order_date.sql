select order_date
from "shop"."daily_revenue"
where order_date is null
