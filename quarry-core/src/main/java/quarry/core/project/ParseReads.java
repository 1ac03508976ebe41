package quarry.core.project;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which inputs a parse read besides the project files: {@code var()}, {@code env_var()} and
 * {@code target.*}. Each read is a key ({@code env:NAME}, {@code var:PACKAGE:NAME},
 * {@code var:@cli:NAME}, {@code target:FIELD}; {@code *} for a whole map iterated). While a file is
 * being parsed ({@link #within}), its reads go to that file's set, on the parsing thread only; every
 * other read is global. Partial parsing re-parses only the files whose reads changed value.
 */
public final class ParseReads {

    /** The key suffix of a read that saw a whole map (iteration, size). */
    public static final String ALL = "*";

    private final ThreadLocal<Set<String>> current = new ThreadLocal<>();
    private final Set<String> global = ConcurrentHashMap.newKeySet();

    /** Runs {@code work} with every read on this thread recorded into {@code sink} instead of the global set. */
    public <T> T within(Set<String> sink, Supplier<T> work) {
        Set<String> outer = current.get();
        current.set(Objects.requireNonNull(sink));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    public void record(String key) {
        Set<String> sink = current.get();
        (sink == null ? global : sink).add(key);
    }

    /** The reads made outside any file so far (loading the project and profile, assembling the manifest). */
    public Set<String> global() {
        return Set.copyOf(global);
    }

    /** A read-only view of {@code map} that records each key looked up as {@code prefix + key}. */
    public Map<String, Object> watch(Map<String, Object> map, String prefix) {
        return new Watched(map, prefix, this);
    }

    /** The map under a watched view, or the map itself. */
    public static Map<String, Object> unwatched(Map<String, Object> map) {
        return map instanceof Watched w ? w.map : map;
    }

    private static final class Watched extends AbstractMap<String, Object> {
        private final Map<String, Object> map;
        private final String prefix;
        private final ParseReads reads;

        Watched(Map<String, Object> map, String prefix, ParseReads reads) {
            this.map = Objects.requireNonNull(map);
            this.prefix = prefix;
            this.reads = reads;
        }

        @Override
        public Object get(Object key) {
            reads.record(prefix + key);
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            reads.record(prefix + key);
            return map.containsKey(key);
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            reads.record(prefix + key);
            return map.getOrDefault(key, defaultValue);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            reads.record(prefix + ALL);
            return java.util.Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public int size() {
            reads.record(prefix + ALL);
            return map.size();
        }
    }
}
