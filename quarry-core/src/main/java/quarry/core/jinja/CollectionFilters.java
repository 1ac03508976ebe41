package quarry.core.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Jinja2's built-in filters on sequences and mappings. Lazy results (map, select, ...) are lists here. */
final class CollectionFilters {
    private static final String[] GROUP_FIELDS = {"grouper", "list"};

    private CollectionFilters() {
    }

    static void register(JinjaEnvironment.Builder b) {
        b.filter("length", (v, a) -> (long) Py.length(v));
        b.filter("count", (v, a) -> (long) Py.length(v));
        b.filter("list", (v, a) -> new ArrayList<>(Py.iterate(v)));
        b.filter("join", CollectionFilters::join);
        b.filter("first", (v, a) -> {
            List<?> items = Py.iterate(v);
            return items.isEmpty() ? Undefined.withHint("No first item, sequence was empty.") : items.get(0);
        });
        b.filter("last", (v, a) -> {
            List<?> items = Py.iterate(v);
            return items.isEmpty() ? Undefined.withHint("No last item, sequence was empty.") : items.get(items.size() - 1);
        });
        b.filter("random", (v, a) -> {
            List<?> items = Py.iterate(v);
            if (items.isEmpty()) {
                return Undefined.withHint("No random item, sequence was empty.");
            }
            return items.get(ThreadLocalRandom.current().nextInt(items.size()));
        });
        b.filter("reverse", (v, a) -> {
            if (v instanceof String s) {
                return new StringBuilder(s).reverse().toString();
            }
            if (v instanceof Markup m) {
                return new Markup(new StringBuilder(m.text).reverse().toString());
            }
            List<Object> items = new ArrayList<>(Py.iterate(v));
            Collections.reverse(items);
            return items;
        });
        b.filter("default", CollectionFilters::defaultValue);
        b.filter("d", CollectionFilters::defaultValue);
        b.filter("items", (v, a) -> {
            if (v instanceof Undefined) {
                return new ArrayList<>();
            }
            if (!(v instanceof Map<?, ?> map)) {
                throw new JinjaException("Can only get item pairs from a mapping.");
            }
            List<Object> out = new ArrayList<>();
            map.forEach((k, val) -> out.add(PyTuple.of(k, val)));
            return out;
        });
        b.filter("attr", (v, a) -> {
            String name = Py.str(a.require(0, "name", "attr"));
            StringFilters.defined(v);
            if (v instanceof Map && !Methods.has(v, name)) {
                return Undefined.attribute(v, name);
            }
            return Attributes.getattr(v, name, false);
        });
        b.filter("sort", CollectionFilters::sort);
        b.filter("dictsort", (v, a) -> dictsort(StringFilters.defined(v), a));
        b.filter("unique", CollectionFilters::unique);
        b.filter("min", (v, a) -> extreme(v, a, false));
        b.filter("max", (v, a) -> extreme(v, a, true));
        b.filter("sum", (v, a) -> {
            Object attribute = a.get(0, "attribute", null);
            Object total = a.get(1, "start", 0L);
            for (Object item : Py.iterate(v)) {
                total = PyMath.add(total, attribute == null ? item : attr(item, attribute, null));
            }
            return total;
        });
        b.filter("batch", CollectionFilters::batch);
        b.filter("slice", CollectionFilters::slice);
        b.filter("groupby", CollectionFilters::groupby);
        b.filter("tojson", (v, a) -> new Markup(Json.dumps(v, a.get(0, "indent", null))));
        b.filter("map", (Builtins.EnvironmentFilter) env -> (v, a) -> map(env, v, a));
        b.filter("select", (Builtins.EnvironmentFilter) env -> (v, a) -> select(env, v, a, false, false));
        b.filter("reject", (Builtins.EnvironmentFilter) env -> (v, a) -> select(env, v, a, true, false));
        b.filter("selectattr", (Builtins.EnvironmentFilter) env -> (v, a) -> select(env, v, a, false, true));
        b.filter("rejectattr", (Builtins.EnvironmentFilter) env -> (v, a) -> select(env, v, a, true, true));
    }

    private static Object defaultValue(Object v, Arguments a) {
        Object dflt = a.get(0, "default_value", "");
        boolean bool = Py.truthy(a.get(1, "boolean", false));
        if (v instanceof Undefined || (bool && !Py.truthy(v))) {
            return dflt;
        }
        return v;
    }

    private static Object join(Object v, Arguments a) {
        String sep = Py.str(a.get(0, "d", ""));
        Object attribute = a.get(1, "attribute", null);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object item : Py.iterate(v)) {
            if (!first) {
                out.append(sep);
            }
            first = false;
            out.append(Py.str(attribute == null ? item : attr(item, attribute, null)));
        }
        return out.toString();
    }

    /** Jinja2's attribute getter: dotted path, integer parts index; {@code dflt} replaces undefined. */
    static Object attr(Object item, Object attribute, Object dflt) {
        List<Object> parts = new ArrayList<>();
        if (attribute instanceof String s) {
            for (String part : s.split("\\.", -1)) {
                parts.add(!part.isEmpty() && part.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(part) : part);
            }
        } else {
            parts.add(attribute);
        }
        Object current = item;
        for (Object part : parts) {
            current = Attributes.getitem(current, part, false);
            if (dflt != null && current instanceof Undefined) {
                return dflt;
            }
        }
        return current;
    }

    private static Object sortKey(Object item, boolean caseSensitive) {
        item = Py.plain(item);
        if (!caseSensitive && item instanceof String s) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        return item;
    }

    private static Comparator<Object> order() {
        return (x, y) -> Py.compare(x, y, "<");
    }

    private static Object sort(Object v, Arguments a) {
        boolean reverse = Py.truthy(a.get(0, "reverse", false));
        boolean caseSensitive = Py.truthy(a.get(1, "case_sensitive", false));
        Object attribute = a.get(2, "attribute", null);
        List<Object> items = new ArrayList<>(Py.iterate(v));
        List<Object> attrs = new ArrayList<>();
        if (attribute instanceof String s && s.contains(",")) {
            for (String part : s.split(",")) {
                attrs.add(part.strip());
            }
        } else if (attribute != null) {
            attrs.add(attribute);
        }
        Comparator<Object> cmp = (x, y) -> {
            if (attrs.isEmpty()) {
                return Py.compare(sortKey(x, caseSensitive), sortKey(y, caseSensitive), "<");
            }
            for (Object at : attrs) {
                Object kx = sortKey(attr(x, at, null), caseSensitive);
                Object ky = sortKey(attr(y, at, null), caseSensitive);
                if (attrs.size() > 1 && Py.eq(kx, ky)) {
                    continue; // several attributes compare as a tuple: equal items are skipped
                }
                int c = Py.compare(kx, ky, "<");
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        items.sort(reverse ? cmp.reversed() : cmp);
        return items;
    }

    private static Object dictsort(Object v, Arguments a) {
        boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
        String by = Py.str(a.get(1, "by", "key"));
        boolean reverse = Py.truthy(a.get(2, "reverse", false));
        if (!(v instanceof Map<?, ?> map)) {
            throw new JinjaException("dictsort requires a mapping");
        }
        int pos = switch (by) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw new JinjaException("You can only sort by either \"key\" or \"value\"");
        };
        List<Object> items = new ArrayList<>();
        map.forEach((k, val) -> items.add(PyTuple.of(k, val)));
        Comparator<Object> cmp = (x, y) -> Py.compare(sortKey(((List<?>) x).get(pos), caseSensitive),
                sortKey(((List<?>) y).get(pos), caseSensitive), "<");
        items.sort(reverse ? cmp.reversed() : cmp);
        return items;
    }

    private static Object unique(Object v, Arguments a) {
        boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        List<Object> out = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        for (Object item : Py.iterate(v)) {
            Object key = sortKey(attribute == null ? item : attr(item, attribute, null), caseSensitive);
            Py.requireHashable(key);
            boolean found = false;
            for (Object s : seen) {
                if (Py.eq(s, key)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                seen.add(key);
                out.add(item);
            }
        }
        return out;
    }

    private static Object extreme(Object v, Arguments a, boolean max) {
        boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        List<?> items = Py.iterate(v);
        if (items.isEmpty()) {
            return Undefined.withHint("No aggregated item, sequence was empty.");
        }
        Object best = items.get(0);
        for (Object item : items.subList(1, items.size())) {
            Object ka = sortKey(attribute == null ? item : attr(item, attribute, null), caseSensitive);
            Object kb = sortKey(attribute == null ? best : attr(best, attribute, null), caseSensitive);
            int c = Py.compare(ka, kb, "<");
            if (max ? c > 0 : c < 0) {
                best = item;
            }
        }
        return best;
    }

    private static Object batch(Object v, Arguments a) {
        int size = (int) Py.toIndex(a.require(0, "linecount", "batch"));
        boolean fill = a.has(1, "fill_with");
        Object fillWith = a.get(1, "fill_with", null);
        List<Object> out = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : Py.iterate(v)) {
            if (current.size() == size) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            if (fill && fillWith != null) {
                while (current.size() < size) {
                    current.add(fillWith);
                }
            }
            out.add(current);
        }
        return out;
    }

    private static Object slice(Object v, Arguments a) {
        int slices = (int) Py.toIndex(a.require(0, "slices", "slice"));
        Object fillWith = a.get(1, "fill_with", null);
        List<?> seq = Py.iterate(v);
        int length = seq.size();
        int perSlice = length / slices;
        int withExtra = length % slices;
        int offset = 0;
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            int start = offset + i * perSlice;
            if (i < withExtra) {
                offset++;
            }
            int end = offset + (i + 1) * perSlice;
            List<Object> part = new ArrayList<>(seq.subList(start, end));
            if (fillWith != null && i >= withExtra) {
                part.add(fillWith);
            }
            out.add(part);
        }
        return out;
    }

    private static Object groupby(Object v, Arguments a) {
        Object attribute = a.require(0, "attribute", "groupby");
        Object dflt = a.get(1, "default", null);
        boolean caseSensitive = Py.truthy(a.get(2, "case_sensitive", false));
        List<Object> items = new ArrayList<>(Py.iterate(v));
        Comparator<Object> cmp = (x, y) -> Py.compare(sortKey(attr(x, attribute, dflt), caseSensitive),
                sortKey(attr(y, attribute, dflt), caseSensitive), "<");
        items.sort(cmp);
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>();
        List<List<Object>> lists = new ArrayList<>();
        for (Object item : items) {
            Object key = sortKey(attr(item, attribute, dflt), caseSensitive);
            if (keys.isEmpty() || !Py.eq(keys.get(keys.size() - 1), key)) {
                keys.add(key);
                lists.add(new ArrayList<>());
            }
            lists.get(lists.size() - 1).add(item);
        }
        groups.clear();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Object grouper = caseSensitive ? keys.get(i) : attr(lists.get(i).get(0), attribute, dflt);
            out.add(PyTuple.named(GROUP_FIELDS, grouper, lists.get(i)));
        }
        return out;
    }

    private static Object map(JinjaEnvironment env, Object v, Arguments a) {
        List<?> items = Py.truthy(v) ? Py.iterate(v) : List.of(); // Jinja2: "if value:" before iterating
        List<Object> out = new ArrayList<>(items.size());
        if (a.size() == 0 && a.keywords().containsKey("attribute")) {
            Object attribute = a.keywords().get("attribute");
            Object dflt = a.keywords().get("default");
            for (Object item : items) {
                out.add(attr(item, attribute, dflt));
            }
            return out;
        }
        if (a.size() == 0) {
            throw new JinjaException("map requires a filter argument");
        }
        String name = Py.str(a.get(0));
        JinjaFilter filter = env.filter(name);
        if (filter == null) {
            throw new JinjaException("No filter named '" + name + "'.");
        }
        Arguments rest = new Arguments(a.positional().subList(1, a.size()), a.keywords());
        for (Object item : items) {
            out.add(Py.canonical(filter.apply(item, rest)));
        }
        return out;
    }

    private static Object select(JinjaEnvironment env, Object v, Arguments a, boolean reject, boolean byAttribute) {
        List<?> items = Py.truthy(v) ? Py.iterate(v) : List.of(); // Jinja2: "if value:" before iterating
        int first = byAttribute ? 1 : 0;
        Object attribute = byAttribute ? a.require(0, "attribute", "selectattr") : null;
        JinjaTest test;
        Arguments rest;
        if (a.size() > first) {
            String name = Py.str(a.get(first));
            test = env.test(name);
            if (test == null) {
                throw new JinjaException("No test named '" + name + "'.");
            }
            rest = new Arguments(a.positional().subList(first + 1, a.size()), a.keywords());
        } else {
            test = (x, ignored) -> Py.truthy(x);
            rest = Arguments.empty();
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object subject = byAttribute ? attr(item, attribute, null) : item;
            if (test.test(subject, rest) != reject) {
                out.add(item);
            }
        }
        return out;
    }
}
