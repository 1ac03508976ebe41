select payment_id
from "shop"."stg_payments"
where payment_id is null
