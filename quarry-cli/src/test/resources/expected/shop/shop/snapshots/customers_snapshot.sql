

select * from "shop"."stg_customers"