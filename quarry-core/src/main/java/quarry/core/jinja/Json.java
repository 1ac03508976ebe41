package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Jinja2's {@code tojson}: Python's {@code json.dumps(sort_keys=True)} made HTML-safe. */
final class Json {
    private Json() {
    }

    static String dumps(Object value, Object indent) {
        StringBuilder out = new StringBuilder();
        String unit = indent == null ? null : indent instanceof String s ? s : " ".repeat((int) Py.toIndex(indent));
        write(value, out, unit, 0);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out, String indent, int level) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (Py.isInt(v)) {
            out.append(v);
        } else if (Py.isFloat(v)) {
            double d = PyMath.toDouble(v);
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PyFloat.repr(d));
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Markup m) {
            string(m.text, out);
        } else if (v instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey(), "<"));
            if (entries.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : entries) {
                if (!first) {
                    out.append(indent == null ? ", " : ",");
                }
                first = false;
                newline(out, indent, level + 1);
                Object key = e.getKey();
                string(key instanceof String s ? s : key == null ? "null" : key instanceof Boolean b ? (b ? "true" : "false")
                        : Py.str(key), out);
                out.append(": ");
                write(e.getValue(), out, indent, level + 1);
            }
            newline(out, indent, level);
            out.append('}');
        } else if (v instanceof Builtins.PyRange || v instanceof DictMethods.DictView) {
            throw new JinjaException("Object of type " + (v instanceof Builtins.PyRange ? "range" : Py.typeName(v))
                    + " is not JSON serializable");
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(indent == null ? ", " : ",");
                }
                newline(out, indent, level + 1);
                write(list.get(i), out, indent, level + 1);
            }
            newline(out, indent, level);
            out.append(']');
        } else if (v instanceof Undefined u) {
            throw new JinjaException("Object of type Undefined is not JSON serializable");
        } else {
            throw new JinjaException("Object of type " + Py.typeName(v) + " is not JSON serializable");
        }
    }

    private static void newline(StringBuilder out, String indent, int level) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(level));
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\'' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
