package quarry.core.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** str methods on {@link Markup}: string arguments are escaped first and string results are markup. */
final class MarkupMethods {
    private static final Set<String> ESCAPING = Set.of("replace", "join", "format", "format_map", "center", "ljust",
            "rjust", "partition", "rpartition", "split", "rsplit", "strip", "lstrip", "rstrip", "removeprefix",
            "removesuffix");

    private MarkupMethods() {
    }

    static Object call(Markup m, String name, Arguments args) {
        Arguments actual = args;
        if (ESCAPING.contains(name)) {
            List<Object> positional = new ArrayList<>();
            for (Object a : args.positional()) {
                positional.add(name.equals("join") ? escapeItems(a) : escapeString(a));
            }
            Map<String, Object> keywords = new LinkedHashMap<>();
            args.keywords().forEach((k, v) -> keywords.put(k, escapeString(v)));
            actual = new Arguments(positional, keywords);
        }
        return wrap(StrMethods.call(m.text, name, actual));
    }

    private static Object escapeString(Object value) {
        return value instanceof String || value instanceof Markup ? Markup.escape(value).text : value;
    }

    private static Object escapeItems(Object value) {
        List<Object> items = new ArrayList<>();
        for (Object item : Py.iterate(value)) {
            items.add(Markup.escape(item).text);
        }
        return items;
    }

    private static Object wrap(Object result) {
        if (result instanceof String s) {
            return new Markup(s);
        }
        if (result instanceof PyTuple t) {
            List<Object> items = new ArrayList<>();
            t.forEach(x -> items.add(wrap(x)));
            return PyTuple.copyOf(items);
        }
        if (result instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(x -> items.add(wrap(x)));
            return items;
        }
        return result;
    }

    /** The arguments of {@code markup % args}, each string or object escaped, numbers kept. */
    static Object escapeArguments(Object args) {
        if (args instanceof PyTuple t) {
            List<Object> items = new ArrayList<>();
            t.forEach(x -> items.add(escapeArgument(x)));
            return PyTuple.copyOf(items);
        }
        if (args instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, escapeArgument(v)));
            return out;
        }
        return escapeArgument(args);
    }

    private static Object escapeArgument(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Markup m) {
            return m.text;
        }
        return Markup.escape(Py.str(value)).text;
    }
}
