package quarry.core.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unmodifiable ordered maps for the manifest's values, copied only when they are not already one:
 * nodes and manifests are rebuilt often while a project parses, and a large project's maps hold
 * tens of thousands of entries. A map wrapped by {@link Collections#unmodifiableMap} is taken as
 * frozen: whoever wrapped it must not keep changing the map under it.
 */
public final class Frozen {

    private static final Class<?> UNMODIFIABLE = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    private Frozen() {}

    /**
     * Whether maps of this class are frozen ({@link Collections#unmodifiableMap}'s): the maps the
     * parse shares between nodes (configs), which the partial-parse state writes once each.
     */
    public static boolean isFrozen(Class<?> type) {
        return type == UNMODIFIABLE;
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        if (isFrozen(map.getClass())) {
            return map;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
