{{ config(materialized='table', tags=['base']) }}
select 1 as id, 'eu' as region
