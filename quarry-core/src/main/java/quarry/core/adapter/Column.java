package quarry.core.adapter;

import java.util.Objects;

/** dbt's Column: a column's name and data type as the database reports them. */
public record Column(String name, String dataType) {
    public Column {
        Objects.requireNonNull(name, "name");
    }
}
