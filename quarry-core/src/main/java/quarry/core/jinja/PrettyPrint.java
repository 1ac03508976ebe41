package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Python's {@code pprint.pformat} (width 80, dicts sorted by key), used by the {@code pprint} filter. */
final class PrettyPrint {
    private static final int WIDTH = 80;

    private PrettyPrint() {
    }

    static String format(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0, 0);
        return out.toString();
    }

    /** One-line repr with dict keys sorted, as pprint prints containers that fit. */
    private static String flat(Object v) {
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : sorted(map)) {
                parts.add(flat(e.getKey()) + ": " + flat(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> list && !(v instanceof DictMethods.DictView) && !(v instanceof Builtins.PyRange)) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                parts.add(flat(item));
            }
            boolean tuple = v instanceof PyTuple;
            return (tuple ? "(" : "[") + String.join(", ", parts) + (tuple && parts.size() == 1 ? ",)" : tuple ? ")" : "]");
        }
        return Py.repr(v);
    }

    private static List<Map.Entry<?, ?>> sorted(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        try {
            entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey(), "<"));
        } catch (JinjaException unorderable) {
            // pprint falls back to a safe ordering; insertion order is the closest stable choice here
            return new ArrayList<>(map.entrySet());
        }
        return entries;
    }

    private static void write(Object v, StringBuilder out, int indent, int allowance) {
        String one = flat(v);
        if (one.length() <= WIDTH - indent - allowance) {
            out.append(one);
            return;
        }
        if (v instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('{');
            List<Map.Entry<?, ?>> entries = sorted(map);
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(",\n").append(" ".repeat(indent + 1));
                }
                String key = flat(entries.get(i).getKey());
                out.append(key).append(": ");
                boolean last = i == entries.size() - 1;
                write(entries.get(i).getValue(), out, indent + 1 + key.length() + 2, last ? allowance + 1 : 1);
            }
            out.append('}');
            return;
        }
        if (v instanceof List<?> list && !list.isEmpty() && !(v instanceof DictMethods.DictView)
                && !(v instanceof Builtins.PyRange)) {
            boolean tuple = v instanceof PyTuple;
            out.append(tuple ? '(' : '[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(",\n").append(" ".repeat(indent + 1));
                }
                boolean last = i == list.size() - 1;
                write(list.get(i), out, indent + 1, last ? allowance + 1 : 1);
            }
            if (tuple && list.size() == 1) {
                out.append(',');
            }
            out.append(tuple ? ')' : ']');
            return;
        }
        out.append(one);
    }
}
