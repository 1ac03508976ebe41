package quarry.server.store;

import java.util.Map;
import java.util.Objects;

/** A document ready to be written: its {@code _id}, its event time and its top-level fields in order. */
public record StoredDocument(String id, long eventTimeMicros, Map<String, FieldValue> fields) {

    public StoredDocument {
        Objects.requireNonNull(id, "id");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
