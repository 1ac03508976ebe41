select * from (
    select 3 as regions, 'eu', 'us', 'apac' as names, 7 as first_positive
) as wrapped