package quarry.core.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import quarry.core.jinja.Arguments;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaException;
import quarry.core.jinja.JinjaObject;
import quarry.core.jinja.Undefined;
import quarry.core.parse.ConfigRules;

/**
 * dbt's {@code config}: called as {@code config(materialized='table')} (or with a dict) it records
 * config for the node (while parsing; at execution the calls are recorded too, for the config a
 * generic test's definition sets, which Quarry does not render at parse time); {@code config.get(key, default)},
 * {@code config.require(key)}, {@code config.set}, {@code config.meta_get}, {@code config.meta_require}
 * read the node's config (while parsing, what is known so far).
 */
final class ConfigObject implements JinjaObject, JinjaCallable {

    private final Map<String, Object> base;
    private final Map<String, Object> recorded;
    private final boolean parsing;
    private final String nodeName;

    ConfigObject(Map<String, Object> base, Map<String, Object> recorded, boolean parsing, String nodeName) {
        this.base = base;
        this.recorded = recorded;
        this.parsing = parsing;
        this.nodeName = nodeName;
    }

    @Override
    public Object call(Arguments args) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!args.positional().isEmpty()) {
            if (args.positional().size() != 1 || !(args.get(0) instanceof Map<?, ?> m)) {
                throw new JinjaException("config() takes keyword arguments or one dict, as in config(materialized='table')");
            }
            m.forEach((k, v) -> values.put(String.valueOf(k), v));
        }
        values.putAll(args.keywords());
        ConfigRules.mergeInto(recorded, values);
        return "";
    }

    private Object current(String key) {
        String k = ConfigRules.canonicalKey(key);
        if (recorded.containsKey(k)) {
            return recorded.get(k);
        }
        return base.get(k);
    }

    private boolean has(String key) {
        String k = ConfigRules.canonicalKey(key);
        return recorded.containsKey(k) || base.containsKey(k) && base.get(k) != null;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "get" -> (JinjaCallable) args -> {
                String key = String.valueOf(args.require(0, "name", "config.get"));
                Object value = current(key);
                return value != null ? value : args.get(1, "default", null);
            };
            case "require" -> (JinjaCallable) args -> {
                String key = String.valueOf(args.require(0, "name", "config.require"));
                if (!has(key) && !parsing) {
                    throw new JinjaException("missing config: '" + key + "' is required for " + nodeName);
                }
                return current(key);
            };
            case "set" -> (JinjaCallable) args -> {
                if (parsing) {
                    ConfigRules.mergeInto(recorded, Map.of(String.valueOf(args.require(0, "name", "config.set")),
                            args.get(1, "value", null)));
                }
                return "";
            };
            case "meta_get" -> (JinjaCallable) args -> {
                Object meta = current("meta");
                Object v = meta instanceof Map<?, ?> m ? m.get(String.valueOf(args.get(0))) : null;
                return v != null ? v : args.get(1, "default", null);
            };
            case "meta_require" -> (JinjaCallable) args -> {
                Object meta = current("meta");
                if (!(meta instanceof Map<?, ?> m) || !m.containsKey(String.valueOf(args.get(0)))) {
                    if (parsing) {
                        return null;
                    }
                    throw new JinjaException("missing meta config: '" + args.get(0) + "' is required for " + nodeName);
                }
                return m.get(String.valueOf(args.get(0)));
            };
            case "persist_relation_docs" -> (JinjaCallable) args -> current("persist_docs") instanceof Map<?, ?> m
                    && Boolean.TRUE.equals(m.get("relation"));
            case "persist_column_docs" -> (JinjaCallable) args -> current("persist_docs") instanceof Map<?, ?> m
                    && Boolean.TRUE.equals(m.get("columns"));
            default -> {
                Object v = current(name);
                yield v != null || has(name) ? v : Undefined.withHint("config has no '" + name + "'");
            }
        };
    }

    @Override
    public String toString() {
        return "";
    }
}
