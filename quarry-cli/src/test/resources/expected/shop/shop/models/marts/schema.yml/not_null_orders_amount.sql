select amount
from "shop"."orders"
where amount is null
