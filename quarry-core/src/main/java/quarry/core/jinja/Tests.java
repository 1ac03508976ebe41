package quarry.core.jinja;

import java.util.List;
import java.util.Map;

/** Jinja2's built-in tests ({@code is defined}, {@code is none}, {@code is divisibleby(3)}, ...). */
final class Tests {
    private Tests() {
    }

    static void register(JinjaEnvironment.Builder b) {
        b.test("defined", (v, a) -> !(v instanceof Undefined));
        b.test("undefined", (v, a) -> v instanceof Undefined);
        b.test("none", (v, a) -> v == null);
        b.test("boolean", (v, a) -> v instanceof Boolean);
        b.test("true", (v, a) -> Boolean.TRUE.equals(v));
        b.test("false", (v, a) -> Boolean.FALSE.equals(v));
        b.test("integer", (v, a) -> Py.isInt(v));
        b.test("float", (v, a) -> Py.isFloat(v));
        b.test("number", (v, a) -> Py.isNumber(v));
        b.test("string", (v, a) -> v instanceof String || v instanceof Markup);
        b.test("mapping", (v, a) -> v instanceof Map || v instanceof JinjaMapping);
        b.test("iterable", (v, a) -> Py.isIterable(v));
        b.test("sequence", (v, a) -> v instanceof List || v instanceof String || v instanceof Markup || v instanceof Map
                || v instanceof Undefined);
        b.test("callable", (v, a) -> v instanceof JinjaCallable || v instanceof Undefined);
        b.test("sameas", (v, a) -> {
            Object other = a.require(0, "other", "sameas");
            if (v == null || other == null || v instanceof Boolean || other instanceof Boolean) {
                return v == other || (v != null && v.equals(other));
            }
            if (v instanceof Long x && other instanceof Long y) {
                return x.equals(y) && x >= -5 && x <= 256;
            }
            return v == other;
        });
        b.test("escaped", (v, a) -> v instanceof Markup);
        b.test("lower", (v, a) -> (Boolean) StrMethods.call(Py.str(v), "islower", Arguments.empty()));
        b.test("upper", (v, a) -> (Boolean) StrMethods.call(Py.str(v), "isupper", Arguments.empty()));
        b.test("odd", (v, a) -> Py.eq(PyMath.mod(v, 2L), 1L));
        b.test("even", (v, a) -> Py.eq(PyMath.mod(v, 2L), 0L));
        b.test("divisibleby", (v, a) -> !Py.truthy(PyMath.mod(v, a.require(0, "num", "divisibleby"))));
        b.test("in", (v, a) -> Py.contains(a.require(0, "seq", "in"), v));
        compare(b, "==", "eq", "equalto");
        compare(b, "!=", "ne");
        compare(b, "<", "lt", "lessthan");
        compare(b, "<=", "le");
        compare(b, ">", "gt", "greaterthan");
        compare(b, ">=", "ge");
        b.test("filter", (Builtins.EnvironmentTest) env -> (v, a) -> v instanceof String s && env.filter(s) != null);
        b.test("test", (Builtins.EnvironmentTest) env -> (v, a) -> v instanceof String s && env.test(s) != null);
    }

    private static void compare(JinjaEnvironment.Builder b, String op, String... names) {
        JinjaTest test = (v, a) -> Expr.Compare.compare(op, v, a.require(0, "other", names[0]));
        b.test(op, test);
        for (String name : names) {
            b.test(name, test);
        }
    }
}
