package quarry.core.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A column described in properties YAML: name, description, data type, meta, tags, quoting and constraints. */
public record ColumnInfo(String name, String description, String dataType, Map<String, Object> meta, List<String> tags,
        Boolean quote, List<Object> constraints) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tags = tags == null ? List.of() : List.copyOf(tags);
        constraints = constraints == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(constraints));
    }
}
