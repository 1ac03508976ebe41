package quarry.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A Rockset collection, its data table and its field catalog. */
public record CollectionInfo(long id, String workspace, String name, String description, Instant createdAt,
        Long retentionSecs, String fieldMappingSql, List<Field> fields) {

    public CollectionInfo {
        fields = List.copyOf(fields);
    }

    /** The DuckDB table holding the documents, already quoted. */
    public String table() {
        return "data.c" + id;
    }

    public String path() {
        return workspace + "." + name;
    }

    /** The catalog entry of a top-level field, matched case-sensitively. */
    public Optional<Field> field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
