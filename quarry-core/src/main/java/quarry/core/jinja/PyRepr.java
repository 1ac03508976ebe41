package quarry.core.jinja;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** How Python prints values: {@code str()} and {@code repr()} of None, bools, numbers, strings, containers. */
final class PyRepr {
    private PyRepr() {
    }

    /** Python's {@code str(value)}, with Jinja2's empty string for undefined. */
    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return PyFloat.repr(d);
        }
        if (v instanceof Float f) {
            return PyFloat.repr(f.doubleValue());
        }
        if (v instanceof List || v instanceof Map || v instanceof java.util.Set) {
            return repr(v);
        }
        return v.toString();
    }

    /** Python's {@code repr(value)}. */
    static String repr(Object v) {
        StringBuilder out = new StringBuilder();
        repr(v, out);
        return out.toString();
    }

    static void repr(Object v, StringBuilder out) {
        repr(v, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** {@code active} holds the containers being printed, so a list that contains itself prints {@code [...]}. */
    private static void repr(Object v, StringBuilder out, java.util.Set<Object> active) {
        if (v instanceof String s) {
            reprString(s, out);
        } else if (v instanceof Markup m) {
            out.append("Markup(");
            reprString(m.text, out);
            out.append(')');
        } else if (v instanceof DictMethods.DictView || v instanceof Builtins.PyRange) {
            out.append(v);
        } else if (v instanceof PyTuple t) {
            out.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                repr(t.get(i), out, active);
            }
            out.append(t.size() == 1 ? ",)" : ")");
        } else if ((v instanceof List || v instanceof Map) && !active.add(v)) {
            out.append(v instanceof List ? "[...]" : "{...}");
            return;
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                repr(list.get(i), out, active);
            }
            out.append(']');
            active.remove(v);
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                repr(e.getKey(), out, active);
                out.append(": ");
                repr(e.getValue(), out, active);
            }
            out.append('}');
            active.remove(v);
        } else if (v instanceof java.util.Set<?> set) {
            if (set.isEmpty()) {
                out.append("set()");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Object item : set) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                repr(item, out, active);
            }
            out.append('}');
        } else if (v instanceof Undefined) {
            out.append("Undefined");
        } else if (v instanceof PyTime.DateTime || v instanceof PyTime.Date || v instanceof PyTime.TimeDelta) {
            out.append(PyTime.repr(v));
        } else {
            out.append(str(v));
        }
    }

    static void reprString(String s, StringBuilder out) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (c >= 0x80 && c < 0xa0) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }

}
