package quarry.core.project;

import java.util.Map;
import java.util.Objects;

/**
 * The chosen output of a profile in {@code profiles.yml}, with its Jinja rendered: what {@code target}
 * means in Jinja before an adapter has validated it.
 *
 * @param fields every key of the output as written (type, threads, schema or its adapter alias, secrets)
 */
public record Target(String profileName, String name, String type, int threads, Map<String, Object> fields) {

    public Target {
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public Target withThreads(int newThreads) {
        return new Target(profileName, name, type, newThreads, fields);
    }
}
