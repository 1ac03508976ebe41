package quarry.core.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each distinct resolved config, shared by the nodes that have it: in a large
 * project most nodes of a folder end with the same config, and tens of thousands of equal
 * 25-entry maps are most of what a parse keeps alive (and what the garbage collector copies).
 * Only configs whose values are all immutable are shared (strings, numbers, booleans, null, and
 * the immutable lists and maps of the defaults, {@code List.of}, {@code Map.of} and frozen views),
 * so sharing can never let a change to one node's config show in another's; YAML values (mutable
 * maps and lists) keep a node's config its own. Two configs are the same only with the same keys in the same order,
 * nested maps included: the manifest writes them in that order. Thread-safe; one per parse.
 */
final class SharedConfigs {

    private static final Class<?> LIST_N = List.of(1, 2, 3).getClass();
    private static final Class<?> LIST_12 = List.of(1).getClass();
    private static final Class<?> MAP_N = Map.of(1, 1, 2, 2).getClass();
    private static final Class<?> MAP_1 = Map.of(1, 1).getClass();

    private final Map<List<Object>, Map<String, Object>> shared = new ConcurrentHashMap<>();

    /** The shared (unmodifiable) instance equal to this config, or the config itself when it may change. */
    Map<String, Object> of(Map<String, Object> config) {
        List<Object> key = orderedKey(config);
        if (key == null) {
            return config;
        }
        Map<String, Object> known = shared.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Object> fresh = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Map<String, Object> raced = shared.putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
    }

    /** The config as nested lists of keys and values in order, or null if a value may change. */
    private static List<Object> orderedKey(Map<?, ?> map) {
        List<Object> key = new ArrayList<>(map.size() * 2 + 1);
        key.add(Map.class);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object value = keyOf(e.getValue());
            if (value == Mutable.VALUE) {
                return null;
            }
            key.add(e.getKey());
            key.add(value);
        }
        return key;
    }

    private enum Mutable { VALUE }

    private static Object keyOf(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Double || v instanceof java.math.BigInteger) {
            return v;
        }
        Class<?> type = v.getClass();
        if (v instanceof Map<?, ?> m && (type == MAP_1 || type == MAP_N || quarry.core.manifest.Frozen.isFrozen(type))) {
            // an unmodifiable view made when the value was frozen (the defaults' docs and contract)
            List<Object> key = orderedKey(m);
            return key == null ? Mutable.VALUE : key;
        }
        if (v instanceof List<?> l && (type == LIST_12 || type == LIST_N)) {
            List<Object> key = new ArrayList<>(l.size() + 1);
            key.add(List.class);
            for (Object item : l) {
                Object k = keyOf(item);
                if (k == Mutable.VALUE) {
                    return Mutable.VALUE;
                }
                key.add(k);
            }
            return key;
        }
        return Mutable.VALUE;
    }
}
