package quarry.core.project;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping as a plain ordered map that also remembers the line of each key, so that
 * warnings and errors about a key can name its line.
 */
public final class YamlMap extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final Map<String, Integer> keyLines = new HashMap<>();

    public YamlMap(int line) {
        this.line = line;
    }

    void putWithLine(String key, Object value, int keyLine) {
        put(key, value);
        keyLines.put(key, keyLine);
    }

    /** The line where this mapping starts (1-based), or 0 if it was not read from a file. */
    public int line() {
        return line;
    }

    /** The line of the given key, or the mapping's own line when the key is absent. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, line);
    }

    /** The line of each key that has one (for saving the map with its lines). */
    public Map<String, Integer> keyLines() {
        return java.util.Collections.unmodifiableMap(keyLines);
    }

    /** A mapping rebuilt from its line, entries and key lines (as saved for partial parsing). */
    public static YamlMap of(int line, Map<String, Object> entries, Map<String, Integer> keyLines) {
        YamlMap map = new YamlMap(line);
        map.putAll(entries);
        map.keyLines.putAll(keyLines);
        return map;
    }

    /** The line of a key in any map: a {@link YamlMap} knows it, other maps give 0. */
    public static int lineOf(Object map, String key) {
        return map instanceof YamlMap y ? y.lineOf(key) : 0;
    }

    public static int lineOf(Object map) {
        return map instanceof YamlMap y ? y.line() : 0;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
