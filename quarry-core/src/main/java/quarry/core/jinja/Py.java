package quarry.core.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python value semantics over Java values: None is {@code null}, bool is {@link Boolean}, int is
 * {@link Long} widening to {@link BigInteger}, float is {@link Double}, str is {@link String},
 * list is {@link List}, tuple is {@link PyTuple}, dict is {@link Map} (insertion ordered).
 */
final class Py {
    private Py() {
    }

    /** The text of a {@link Markup}, any other value unchanged: str semantics for both. */
    static Object plain(Object value) {
        return value instanceof Markup m ? m.text : value;
    }

    static String typeName(Object value) {
        if (value instanceof Markup) {
            return "Markup";
        }
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (isInt(value)) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof PyTuple) {
            return "tuple";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof java.util.Set) {
            return "set";
        }
        if (value instanceof Undefined) {
            return "Undefined";
        }
        if (value instanceof PyTime.DateTime) {
            return "datetime";
        }
        if (value instanceof PyTime.Date) {
            return "date";
        }
        if (value instanceof PyTime.TimeDelta) {
            return "timedelta";
        }
        if (value instanceof Macro) {
            return "Macro";
        }
        if (value instanceof Namespace) {
            return "Namespace";
        }
        if (value instanceof JinjaCallable) {
            return "function";
        }
        return value.getClass().getSimpleName();
    }

    /** Python's {@code str.isspace()} for one character (also what {@code \\s} and {@code strip()} use). */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028'
                || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short
                || v instanceof Byte;
    }

    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    /** int, float or bool: a number in Python arithmetic. */
    static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    static boolean isSequence(Object v) {
        return v instanceof List || v instanceof String;
    }

    static boolean truthy(Object v) {
        if (v == null || v instanceof Undefined) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Markup m) {
            return !m.text.isEmpty();
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return true;
    }

    /** Python's {@code str(value)}, with Jinja2's empty string for undefined. */
    static String str(Object v) {
        return v instanceof String s ? s : PyRepr.str(v);
    }

    /** Python's {@code repr(value)}. */
    static String repr(Object v) {
        return PyRepr.repr(v);
    }

    /** Python refuses lists, dicts and sets as dict keys and set members. */
    static void requireHashable(Object v) {
        if ((v instanceof List && !(v instanceof PyTuple)) || v instanceof Map || v instanceof java.util.Set) {
            throw new JinjaException("unhashable type: '" + typeName(v) + "'");
        }
    }

    /** Python's {@code ==}. */
    static boolean eq(Object a, Object b) {
        if (a == b) {
            return !PyMath.isNaN(a);
        }
        a = plain(a);
        b = plain(b);
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof String || b instanceof String) {
            return a.equals(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return !PyMath.isNaN(a) && !PyMath.isNaN(b) && PyMath.compareNumbers(a, b) == 0;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if ((a instanceof PyTuple) != (b instanceof PyTuple) || la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                // like CPython's containers, identity counts as equality (so [nan] == [nan])
                if (la.get(i) != lb.get(i) && !eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object key = e.getKey();
                if (!mb.containsKey(key) || !eq(e.getValue(), mb.get(key))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Python's ordering ({@code <} etc.): negative, zero or positive; fails on unorderable types. */
    static int compare(Object a, Object b, String op) {
        a = plain(a);
        b = plain(b);
        if (isNumber(a) && isNumber(b)) {
            return PyMath.compareNumbers(a, b);
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareTo(sb);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb
                && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            int n = Math.min(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i), op);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        if (a instanceof PyTime.DateTime x && b instanceof PyTime.DateTime y) {
            return x.compareTo(y);
        }
        if (a instanceof PyTime.Date x && b instanceof PyTime.Date y) {
            return x.compareTo(y);
        }
        if (a instanceof PyTime.TimeDelta x && b instanceof PyTime.TimeDelta y) {
            return x.compareTo(y);
        }
        throw new JinjaException("'" + op + "' not supported between instances of '" + typeName(a)
                + "' and '" + typeName(b) + "'");
    }

    /** The items a for loop visits; Undefined iterates as empty, dicts as their keys. */
    static List<?> iterate(Object v) {
        v = plain(v);
        if (v instanceof List<?> list) {
            return list;
        }
        if (v instanceof Map<?, ?> map) {
            return new ArrayList<>(map.keySet());
        }
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v instanceof Undefined) {
            return List.of();
        }
        if (v instanceof Iterable<?> it) {
            List<Object> items = new ArrayList<>();
            it.forEach(items::add);
            return items;
        }
        if (v instanceof Iterator<?> it) {
            List<Object> items = new ArrayList<>();
            it.forEachRemaining(items::add);
            return items;
        }
        throw new JinjaException("'" + typeName(v) + "' object is not iterable");
    }

    static boolean isIterable(Object v) {
        return v instanceof Iterable || v instanceof Map || v instanceof String || v instanceof Markup
                || v instanceof Undefined
                || v instanceof Iterator;
    }

    static int length(Object v) {
        v = plain(v);
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Undefined) {
            return 0;
        }
        throw new JinjaException("object of type '" + typeName(v) + "' has no len()");
    }

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) {
        container = plain(container);
        item = plain(item);
        if (container instanceof Map || container instanceof java.util.Set) {
            requireHashable(item);
        }
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                throw new JinjaException("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(sub);
        }
        if (container instanceof Map<?, ?> map) {
            if (map.containsKey(item)) {
                return true;
            }
            if (isNumber(item)) {
                for (Object key : map.keySet()) {
                    if (eq(key, item)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (container instanceof Collection<?> c) {
            for (Object element : c) {
                if (eq(element, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Undefined) {
            return false;
        }
        if (container instanceof JinjaObject) {
            return false;
        }
        throw new JinjaException("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** Python's {@code int(value)} as Jinja's int filter needs it, without defaulting. */
    static long toIndex(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            throw new JinjaException("cannot fit 'int' into an index-sized integer");
        }
        throw new JinjaException("indices must be integers or slices, not " + typeName(v));
    }

    /** A Python int from any Java integral value, as Long when it fits. */
    static Object normalizeInt(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** Converts host numbers to the engine's canonical int/float types. */
    static Object canonical(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }
}
