package quarry.core.jinja;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Python's list methods (mutating ones fail on tuples and immutable host lists). */
final class ListMethods {
    private ListMethods() {
    }

    @SuppressWarnings("unchecked")
    static Object call(List<?> receiver, String name, Arguments a) {
        List<Object> list = (List<Object>) receiver;
        try {
            switch (name) {
                case "append":
                    list.add(a.require(0, "object", name));
                    return null;
                case "extend":
                    list.addAll(new ArrayList<>(Py.iterate(a.require(0, "iterable", name))));
                    return null;
                case "insert": {
                    long index = Py.toIndex(a.require(0, "index", name));
                    int size = list.size();
                    if (index < 0) {
                        index = Math.max(0, index + size);
                    }
                    list.add((int) Math.min(index, size), a.require(1, "object", name));
                    return null;
                }
                case "pop": {
                    if (list.isEmpty()) {
                        throw new JinjaException("pop from empty list");
                    }
                    long index = Py.toIndex(a.get(0, "index", -1L));
                    if (index < 0) {
                        index += list.size();
                    }
                    if (index < 0 || index >= list.size()) {
                        throw new JinjaException("pop index out of range");
                    }
                    return list.remove((int) index);
                }
                case "remove": {
                    Object item = a.require(0, "value", name);
                    for (int i = 0; i < list.size(); i++) {
                        if (Py.eq(list.get(i), item)) {
                            list.remove(i);
                            return null;
                        }
                    }
                    throw new JinjaException("list.remove(x): x not in list");
                }
                case "index": {
                    Object item = a.require(0, "value", name);
                    int size = list.size();
                    long from = a.has(1, null) ? Py.toIndex(a.get(1)) : 0;
                    long to = a.has(2, null) ? Py.toIndex(a.get(2)) : size;
                    from = from < 0 ? Math.max(0, from + size) : Math.min(from, size);
                    to = to < 0 ? Math.max(0, to + size) : Math.min(to, size);
                    for (int i = (int) from; i < to; i++) {
                        if (Py.eq(list.get(i), item)) {
                            return (long) i;
                        }
                    }
                    throw new JinjaException(Py.repr(item) + " is not in list");
                }
                case "count": {
                    Object item = a.require(0, "value", name);
                    long count = 0;
                    for (Object element : list) {
                        if (Py.eq(element, item)) {
                            count++;
                        }
                    }
                    return count;
                }
                case "sort": {
                    Object key = a.keywords().get("key");
                    boolean reverse = Py.truthy(a.keywords().get("reverse"));
                    Comparator<Object> order = (x, y) -> Py.compare(x, y, "<");
                    if (key != null) {
                        JinjaCallable fn = (JinjaCallable) key;
                        List<Object[]> pairs = new ArrayList<>();
                        for (Object item : list) {
                            pairs.add(new Object[] {fn.call(Arguments.of(item)), item});
                        }
                        Comparator<Object[]> byKey = (x, y) -> order.compare(x[0], y[0]);
                        pairs.sort(reverse ? byKey.reversed() : byKey);
                        for (int i = 0; i < pairs.size(); i++) {
                            list.set(i, pairs.get(i)[1]);
                        }
                    } else {
                        list.sort(reverse ? order.reversed() : order);
                    }
                    return null;
                }
                case "reverse":
                    java.util.Collections.reverse(list);
                    return null;
                case "copy":
                    return new ArrayList<>(list);
                case "clear":
                    list.clear();
                    return null;
                default:
                    throw new JinjaException("'list' object has no attribute '" + name + "'");
            }
        } catch (UnsupportedOperationException e) {
            throw new JinjaException("'" + Py.typeName(receiver) + "' object does not support item assignment");
        }
    }
}
