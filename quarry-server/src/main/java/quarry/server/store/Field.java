package quarry.server.store;

import java.util.Objects;

/** An entry of the field catalog: a top-level field name (case-sensitive) and the column holding it. */
public record Field(String name, String column, ColumnType type) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
    }
}
