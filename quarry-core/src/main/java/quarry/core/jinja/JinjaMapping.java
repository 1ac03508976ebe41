package quarry.core.jinja;

import java.util.Map;

/**
 * A host object that templates may also treat as a read-only mapping, as Python code treats dbt's
 * relations (a {@code Mapping}): {@code obj is mapping} is true, and {@code obj.get(key)},
 * {@code obj.keys()} and {@code obj[key]} read {@link #asMap()}. Its attributes still come first,
 * and {@code {{ obj }}} still renders {@link #toString()}.
 */
public interface JinjaMapping extends JinjaObject {

    /** The object as the mapping Python code sees. */
    Map<String, Object> asMap();

    /** The mapping methods, for an {@link #attribute} that knows no other meaning of {@code name}. */
    default Object mappingMethod(String name) {
        return switch (name) {
            case "get" -> (JinjaCallable) args -> {
                Object value = asMap().get(String.valueOf(args.get(0, "key", null)));
                return value != null ? value : args.get(1, "default", null);
            };
            case "keys" -> (JinjaCallable) args -> new java.util.ArrayList<>(asMap().keySet());
            case "values" -> (JinjaCallable) args -> new java.util.ArrayList<>(asMap().values());
            default -> Undefined.INSTANCE;
        };
    }
}
