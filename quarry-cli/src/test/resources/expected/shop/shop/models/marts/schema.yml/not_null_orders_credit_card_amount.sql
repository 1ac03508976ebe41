select credit_card_amount
from "shop"."orders"
where credit_card_amount is null
