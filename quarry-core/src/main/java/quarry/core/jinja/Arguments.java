package quarry.core.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a call: positional values and keyword values in the order given. Helpers read
 * a parameter by position or by name, as Python binds them.
 */
public final class Arguments {
    private static final Arguments EMPTY = new Arguments(List.of(), Map.of());

    private final List<Object> positional;
    private final Map<String, Object> keywords;

    public Arguments(List<Object> positional, Map<String, Object> keywords) {
        this.positional = positional;
        this.keywords = keywords;
    }

    public static Arguments empty() {
        return EMPTY;
    }

    /** Positional arguments only. */
    public static Arguments of(Object... positional) {
        List<Object> values = new ArrayList<>(positional.length);
        Collections.addAll(values, positional);
        return new Arguments(values, Map.of());
    }

    /** Positional and keyword arguments; the map's iteration order is kept. */
    public static Arguments of(List<?> positional, Map<String, ?> keywords) {
        return new Arguments(new ArrayList<>(positional), new LinkedHashMap<>(keywords));
    }

    public List<Object> positional() {
        return positional;
    }

    public Map<String, Object> keywords() {
        return keywords;
    }

    public int size() {
        return positional.size();
    }

    /** The positional argument at {@code index}. */
    public Object get(int index) {
        return positional.get(index);
    }

    /** True when the parameter at {@code index} (or named {@code name}) was passed. */
    public boolean has(int index, String name) {
        return index < positional.size() || (name != null && keywords.containsKey(name));
    }

    /** Python binding of one parameter: by position, else by name, else the default. */
    public Object get(int index, String name, Object defaultValue) {
        if (index >= 0 && index < positional.size()) {
            return positional.get(index);
        }
        if (name != null && keywords.containsKey(name)) {
            return keywords.get(name);
        }
        return defaultValue;
    }

    /** A required parameter; fails like Python when it is missing. */
    public Object require(int index, String name, String function) {
        if (!has(index, name)) {
            throw new JinjaException(function + "() missing required argument '" + name + "'");
        }
        return get(index, name, null);
    }

    /** Fails like Python when more than {@code max} positional or unknown keyword arguments were passed. */
    public Arguments check(String function, int max, String... names) {
        if (positional.size() > max) {
            throw new JinjaException(function + "() takes at most " + max + " positional argument"
                    + (max == 1 ? "" : "s") + " (" + positional.size() + " given)");
        }
        outer:
        for (String key : keywords.keySet()) {
            for (String name : names) {
                if (name.equals(key)) {
                    continue outer;
                }
            }
            throw new JinjaException(function + "() got an unexpected keyword argument '" + key + "'");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Arguments" + positional + keywords;
    }
}
