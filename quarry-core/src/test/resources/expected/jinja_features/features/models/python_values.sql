select
    'HELLO WORLD' as upper_text,
    '['a', 'b', 'c']' as split_list,
    '1 + 2' as formatted,
    'x-003.1' as percent_formatted,
    '{'a': 1, 'b': [1, 'two', None, True]}' as dict_text,
    'default' as dict_get,
    'a=1' as item_1,
    'b=[1, 'two', None, True]' as item_2,
    'None|True|1.0|3|1024' as scalars,
    '6' as total