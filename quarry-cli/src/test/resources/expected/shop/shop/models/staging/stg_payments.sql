select
    id as payment_id,
    order_id,
    payment_method,
    ROUND(CAST(amount AS float) / 100, 2) as amount
from "shop_raw"."raw_payments"