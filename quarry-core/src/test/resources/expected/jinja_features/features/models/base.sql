
select 1 as id, 'eu' as region