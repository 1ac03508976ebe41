package quarry.core.manifest;

import java.util.Map;
import java.util.Objects;

/** What makes a generic test: the test's name ({@code not_null}), its package namespace, and its arguments. */
public record TestMetadata(String name, String namespace, Map<String, Object> kwargs) {
    public TestMetadata {
        Objects.requireNonNull(name, "name");
        kwargs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    }
}
