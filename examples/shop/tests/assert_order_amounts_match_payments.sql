-- An order's amount is the sum of its payments: returns the orders where it is not.
select orders.order_id
from {{ ref('orders') }} as orders
join {{ ref('int_order_payments') }} as payments on orders.order_id = payments.order_id
where orders.amount <> payments.total_amount
