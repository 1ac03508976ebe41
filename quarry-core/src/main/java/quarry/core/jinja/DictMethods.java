package quarry.core.jinja;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's dict methods; {@code keys()}, {@code values()}, {@code items()} return views that print as Python's. */
final class DictMethods {
    private DictMethods() {
    }

    @SuppressWarnings("unchecked")
    static Object call(Map<?, ?> receiver, String name, Arguments a) {
        Map<Object, Object> map = (Map<Object, Object>) receiver;
        try {
            switch (name) {
                case "keys":
                    return new DictView("dict_keys", new ArrayList<>(map.keySet()));
                case "values":
                    return new DictView("dict_values", new ArrayList<>(map.values()));
                case "items": {
                    List<Object> items = new ArrayList<>(map.size());
                    for (Map.Entry<Object, Object> e : map.entrySet()) {
                        items.add(PyTuple.of(e.getKey(), e.getValue()));
                    }
                    return new DictView("dict_items", items);
                }
                case "get": {
                    Object key = Py.canonical(a.require(0, "key", name));
                    Py.requireHashable(key);
                    return map.containsKey(key) ? map.get(key) : a.get(1, "default", null);
                }
                case "update": {
                    if (a.size() > 0) {
                        Object other = a.get(0);
                        if (other instanceof Map<?, ?> m) {
                            map.putAll(m);
                        } else {
                            for (Object pair : Py.iterate(other)) {
                                List<?> kv = Py.iterate(pair);
                                Py.requireHashable(kv.get(0));
                                map.put(kv.get(0), kv.get(1));
                            }
                        }
                    }
                    map.putAll(a.keywords());
                    return null;
                }
                case "pop": {
                    Object key = Py.canonical(a.require(0, "key", name));
                    if (map.isEmpty() && a.has(1, null)) {
                        return a.get(1); // CPython answers an empty dict's pop before hashing the key
                    }
                    Py.requireHashable(key);
                    if (map.containsKey(key)) {
                        return map.remove(key);
                    }
                    if (a.has(1, null)) {
                        return a.get(1);
                    }
                    throw new JinjaException("KeyError: " + Py.repr(key));
                }
                case "setdefault": {
                    Object key = Py.canonical(a.require(0, "key", name));
                    Py.requireHashable(key);
                    if (!map.containsKey(key)) {
                        map.put(key, a.get(1, "default", null));
                    }
                    return map.get(key);
                }
                case "copy":
                    return new LinkedHashMap<>(map);
                case "clear":
                    map.clear();
                    return null;
                case "popitem": {
                    if (map.isEmpty()) {
                        throw new JinjaException("'popitem(): dictionary is empty'");
                    }
                    Object last = null;
                    for (Iterator<Object> it = map.keySet().iterator(); it.hasNext(); ) {
                        last = it.next();
                    }
                    Object value = map.remove(last);
                    return PyTuple.of(last, value);
                }
                default:
                    throw new JinjaException("'dict' object has no attribute '" + name + "'");
            }
        } catch (UnsupportedOperationException e) {
            throw new JinjaException("'" + Py.typeName(receiver) + "' object does not support item assignment");
        }
    }

    /** A dict view ({@code dict_keys([...])}): a read-only list for the engine, printed as Python prints it. */
    static final class DictView extends java.util.AbstractList<Object> {
        private final String kind;
        private final List<Object> items;

        DictView(String kind, List<Object> items) {
            this.kind = kind;
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public String toString() {
            return kind + "(" + Py.repr(items) + ")";
        }
    }
}
