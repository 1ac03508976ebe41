"""Generates Quarry's random differential corpus (generated-cases.txt), deterministically.

Usage: python3 generate.py > generated-cases.txt
Then:  python3 render.py generated-cases.txt > generated-expected.json

400 random expressions over literals, variables, operators, filters, methods, tests and inline
ifs, 80 random templates nesting if/for/set/do/call/filter blocks with whitespace control,
macros, return and namespaces, 300 random str.format specs and %-conversions, 300 random str
method calls, 300 random list and dict method calls and 200 random comparisons. Both engines
must agree on every one (or both fail).
"""
import random

PRELUDE_EXPR = ("{% set x = 5 %}{% set y = 2.5 %}{% set s = 'Hello' %}{% set l = [3, 1, 2] %}"
                "{% set d = {'k': 1, 'a': 2} %}")
ATOMS = ['0', '1', '-1', '2', '3', '7', '10', '-3', '0.5', '1.5', '-2.25', '1e3', '0.1', '2.0', '1e-5', '12345',
         '2**10', 'true', 'false', 'none', "'a'", "'abc'", "'A b C'", "''", "' x '", "'1,2'", "'%s'", "'{}'",
         '[1, 2, 3]', '[]', "['b', 'a']", '(1, 2)', "{'k': 1}", '{}', '[1.5, 2]', 'x', 'y', 's', 'l', 'd']
BINOPS = ['+', '-', '*', '/', '//', '%', '~', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', 'in', 'not in']
FILTERS = ['abs', 'length', 'first', 'last', 'list', 'string', 'upper', 'lower', 'trim', 'int', 'float', 'round',
           'sum', 'max', 'min', 'sort', 'unique|list', 'reverse|list', 'join', 'join(",")', 'default("d")',
           'tojson', 'title', 'capitalize', 'count', 'e', 'pprint', 'batch(2)|list', 'slice(2)|list', 'dictsort',
           'items|list', 'map("string")|list', 'select|list', 'reject|list', 'wordcount', 'center(7)', 'indent(2)',
           'truncate(5)', 'float|round(1)', 'int|abs', 'format(1)', 'replace("a", "z")']
METHODS = ['.upper()', '.lower()', '.split()', '.split(",")', '.strip()', '.title()', '.startswith("a")',
           '.count("a")', '.find("b")', '.replace("a","b")', '.format(1, 2)', '.isdigit()', '[0]', '[-1]',
           '.keys()|list', '.values()|list', '.items()|list', '.get("k")', '.get("z", 0)', '.index(1)',
           '.zfill(4)', '.center(5, "*")']
TESTS = ['defined', 'none', 'number', 'string', 'sequence', 'mapping', 'iterable', 'odd', 'even', 'divisibleby(3)',
         'integer', 'float', 'lower', 'upper', 'true', 'false', 'boolean', 'callable', 'in([1, 2])', 'eq(1)', 'gt(1)']


def expression(rnd, depth=0):
    r = rnd.random()
    if depth > 2 or r < 0.3:
        return rnd.choice(ATOMS)
    if r < 0.55:
        return '(%s %s %s)' % (expression(rnd, depth + 1), rnd.choice(BINOPS), expression(rnd, depth + 1))
    if r < 0.75:
        return '(%s)|%s' % (expression(rnd, depth + 1), rnd.choice(FILTERS))
    if r < 0.85:
        return '(%s)%s' % (expression(rnd, depth + 1), rnd.choice(METHODS))
    if r < 0.93:
        return '(%s is %s%s)' % (expression(rnd, depth + 1), rnd.choice(['', 'not ']), rnd.choice(TESTS))
    return '(%s if %s else %s)' % (expression(rnd, depth + 1), expression(rnd, depth + 1), expression(rnd, depth + 1))


PRELUDE_STMT = ("{% set x = 5 %}{% set l = [3, 1] %}{% set s = 'hi' %}{% set d = {'k': 'v', 'z': 0} %}"
                "{% set n = none %}{% set acc = [] %}{% set ns = namespace(c='') %}{% set caller_ok = 'c' %}"
                "{% macro m(a, b=2) %}<{{ a }}{{ b }}{{ varargs }}>{% endmacro %}"
                "{% macro m2() %}{{ return([x, 'r']) }}{% endmacro %}"
                "{% macro cm() %}({{ caller('Q') }}){% endmacro %}")
VALUES = ["x", "l", "acc", "s", "d", "n", "1", "2.5", "'ab'", "[1, 2, 3]", "none", "true", "d.k", "l[0]",
          "loop.index", "ns.c", "m(1)", "m2()", "caller_ok"]


def value(rnd):
    a = rnd.choice(VALUES)
    r = rnd.random()
    if r < 0.15:
        return a + "|" + rnd.choice(["length", "string", "upper", "default('z')", "list", "join(',')", "first", "tojson"])
    if r < 0.3:
        return a + " ~ " + rnd.choice(VALUES)
    if r < 0.4:
        return "(%s if %s else %s)" % (a, rnd.choice(VALUES), rnd.choice(VALUES))
    return a


def body(rnd, depth):
    def ws():
        return rnd.choice(['', '', '-'])

    def tag(t):
        return "{%" + ws() + " " + t + " " + ws() + "%}"

    def text():
        return rnd.choice(['', ' ', '\n', ' a ', '\n  ', 'b\n', '\t'])

    parts = []
    for _ in range(rnd.randint(1, 4)):
        r = rnd.random()
        if depth > 2 or r < 0.3:
            parts.append(text() + "{{" + ws() + " " + value(rnd) + " " + ws() + "}}" + text())
        elif r < 0.45:
            parts.append(tag("if " + value(rnd)) + body(rnd, depth + 1)
                         + (tag("elif " + value(rnd)) + body(rnd, depth + 1) if rnd.random() < 0.3 else '')
                         + (tag("else") + body(rnd, depth + 1) if rnd.random() < 0.5 else '') + tag("endif"))
        elif r < 0.6:
            source = rnd.choice(["l", "s", "[]", "d", "range(3)", "d.items()", "l if x else []"])
            parts.append(tag("for it in " + source + rnd.choice(["", " if it"])) + body(rnd, depth + 1)
                         + (tag("else") + body(rnd, depth + 1) if rnd.random() < 0.3 else '') + tag("endfor"))
        elif r < 0.7:
            parts.append(tag("set x = " + value(rnd)))
        elif r < 0.78:
            parts.append(tag("set ns.c = ns.c ~ 1"))
        elif r < 0.85:
            parts.append(tag("set blk") + body(rnd, depth + 1) + tag("endset") + "[{{ blk }}]")
        elif r < 0.9:
            parts.append(tag("do acc.append(" + value(rnd) + ")"))
        elif r < 0.95:
            parts.append(tag("call(q) cm()") + body(rnd, depth + 1) + "{{ q }}" + tag("endcall"))
        else:
            parts.append(tag("filter upper") + body(rnd, depth + 1) + tag("endfilter"))
    return ''.join(parts)


FORMAT_VALUES = ['0', '1', '-1', '42', '-42', '3.14159', '-2.5', '0.0001', '1e20', '123456789', '2.675', '0.5',
                 '1.5', "'abc'", "''", 'true', 'none', '[1, 2]', '12345.6789', '-0.0', '1e-7', '99.995', '2**70']


def format_case(rnd):
    v = rnd.choice(FORMAT_VALUES)
    if rnd.random() < 0.5:
        spec = (rnd.choice(['', '<', '>', '^', '=', '*^', '0>', ' <']) + rnd.choice(['', '+', '-', ' '])
                + rnd.choice(['', '#']) + rnd.choice(['', '0']) + rnd.choice(['', '8', '12', '1'])
                + rnd.choice(['', ',', '_']) + rnd.choice(['', '.0', '.2', '.5', '.10'])
                + rnd.choice(['', 'd', 'f', 'F', 'e', 'E', 'g', 'G', '%', 'x', 'X', 'o', 'b', 's', 'n']))
        return "{{ '[{:%s}]'.format(%s) }}" % (spec, v)
    spec = (rnd.choice(['', '-', '+', ' ', '0', '#', '-0', '+0']) + rnd.choice(['', '5', '10', '1'])
            + rnd.choice(['', '.0', '.2', '.4', '.12'])
            + rnd.choice(['d', 'i', 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 's', 'r', 'c', 'a', 'u']))
    return "{{ '[%%%s]' %% (%s,) }}" % (spec, v)


METHOD_STRINGS = ["''", "'a'", "'abc'", "' a b  c '", "'a,b,,c'", "'aXbXc'", "'Hello World'", "'  x'", "'x  '",
                  "'a\\nb\\r\\nc'", "'ééÉ'", "'12'", "'-3'", "'a-b_c d'", "'AbC'", "'   '", "'tab\\there'",
                  "'ab' * 3", "'x.y.z'", "'CamelCase'", "'snake_case'"]
METHOD_ARGS = ["''", "'a'", "','", "'X'", "' '", "'b'", "'.'", "'ab'", "none", "0", "1", "2", "-1", "5", "10", "'*'",
               "('a', 'x')"]
STR_METHODS = {'upper': 0, 'lower': 0, 'strip': 1, 'lstrip': 1, 'rstrip': 1, 'split': 2, 'rsplit': 2,
               'splitlines': 1, 'replace': 3, 'startswith': 3, 'endswith': 3, 'find': 3, 'rfind': 3, 'index': 3,
               'rindex': 3, 'count': 3, 'title': 0, 'capitalize': 0, 'swapcase': 0, 'center': 2, 'ljust': 2,
               'rjust': 2, 'zfill': 1, 'partition': 1, 'rpartition': 1, 'removeprefix': 1, 'removesuffix': 1,
               'isdigit': 0, 'isalpha': 0, 'isalnum': 0, 'isspace': 0, 'islower': 0, 'isupper': 0, 'istitle': 0,
               'isnumeric': 0, 'isdecimal': 0, 'isidentifier': 0, 'casefold': 0, 'join': 1, 'expandtabs': 1}


def method_case(rnd):
    name = rnd.choice(sorted(STR_METHODS))
    count = rnd.randint(0, STR_METHODS[name])
    pool = ["['a', 'b']", "'xyz'", "[]", "[1]", "('p', 'q')"] if name == 'join' else METHOD_ARGS
    args = ', '.join(rnd.choice(pool) for _ in range(count))
    return "{{ (%s).%s(%s) }}" % (rnd.choice(METHOD_STRINGS), name, args)


CONTAINER_LISTS = ["[3, 1, 2]", "[]", "['b', 'a', 'b']", "[1, 'a']", "[[1], [2]]", "[none, 1]", "(1, 2, 1)", "[1.5, 1]"]
CONTAINER_DICTS = ["{'a': 1, 'b': 2}", "{}", "{1: 'x', 'k': none}"]
CONTAINER_ARGS = ["1", "0", "-1", "5", "'a'", "'b'", "none", "[9]", "(8,)", "{'z': 0}", "'k'", "2"]
LIST_METHODS = {'append': 1, 'extend': 1, 'insert': 2, 'pop': 1, 'remove': 1, 'index': 3, 'count': 1, 'sort': 0,
                'reverse': 0, 'copy': 0, 'clear': 0}
DICT_METHODS = {'keys': 0, 'values': 0, 'items': 0, 'get': 2, 'update': 1, 'pop': 2, 'setdefault': 2, 'copy': 0,
                'clear': 0, 'popitem': 0}


def container_case(rnd):
    if rnd.random() < 0.6:
        base, methods = rnd.choice(CONTAINER_LISTS), LIST_METHODS
    else:
        base, methods = rnd.choice(CONTAINER_DICTS), DICT_METHODS
    name = rnd.choice(sorted(methods))
    args = ', '.join(rnd.choice(CONTAINER_ARGS) for _ in range(rnd.randint(0, methods[name])))
    return ("{%% set v = %s %%}{%% set r = v.%s(%s) %%}"
            "{{ r|list if r is iterable and r is not string and r is not mapping else r }}|{{ v }}"
            % (base, name, args))


COMPARED = ["''", "'a'", "'ab'", "'abc'", "'abcd'", "'b'", "'B'", "'-3'", "'é'", "'ab '", "[]", "[1]", "[1, 2]",
            "[1, 2, 3]", "[2]", "[1, 'a']", "(1,)", "(1, 2)", "()", "0", "1", "-1", "1.5", "2**64", "-2**64", "true",
            "false", "none", "1e308*10", "0.1+0.2", "0.3"]


def comparison_case(rnd):
    return "{{ %s %s %s }}" % (rnd.choice(COMPARED), rnd.choice(['<', '<=', '>', '>=', '==', '!=']), rnd.choice(COMPARED))


def main():
    rnd = random.Random(101)
    for i in range(400):
        print("=== generated.expr.%03d" % i)
        print(PRELUDE_EXPR + "{{ " + expression(rnd) + " }}")
    rnd = random.Random(202)
    for i in range(80):
        print("=== generated.stmt.%03d" % i)
        print(PRELUDE_STMT + body(rnd, 0))
    rnd = random.Random(303)
    for i in range(300):
        print("=== generated.format.%03d" % i)
        print(format_case(rnd))
    rnd = random.Random(404)
    for i in range(300):
        print("=== generated.str.%03d" % i)
        print(method_case(rnd))
    rnd = random.Random(505)
    for i in range(300):
        print("=== generated.container.%03d" % i)
        print(container_case(rnd))
    rnd = random.Random(606)
    for i in range(200):
        print("=== generated.compare.%03d" % i)
        print(comparison_case(rnd))


if __name__ == "__main__":
    main()
