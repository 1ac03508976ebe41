select 1 as day, 10.5 as amount, 'EU' as region
