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
final class Frozen {

    private static final Class<?> UNMODIFIABLE = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    private Frozen() {}

    static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map.getClass() == UNMODIFIABLE) {
            return map;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
