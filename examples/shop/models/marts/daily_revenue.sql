{{
    config(
        materialized='incremental',
        unique_key='order_date',
        on_schema_change='append_new_columns'
    )
}}

select
    order_date,
    count(*) as orders,
    sum(amount) as revenue
from {{ ref('orders') }}
where status <> 'returned'
{% if is_incremental() %}
  -- only days at or after the last day already loaded
  and order_date >= (select max(order_date) from {{ this }})
{% endif %}
group by order_date
