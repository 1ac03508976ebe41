select
    '2024-05-17 08:30' as formatted_date,
    'q__rry' as regex,
    '[(1, 'a'), (2, 'a')]' as product,
    '{"k": [1, 2], "flag": true}' as json_text,
    'y|z:
- 1' as yaml_values,
    '[(1, 'a'), (2, 'b')]' as zipped,
    '2' as distinct_count,
    '611bfc3fa70a65e5a2b5e40de0f2a153' as md5,
    True as has_start_time,
    True as has_invocation_id