package quarry.server.sql;

import java.util.Objects;

/**
 * A name as written: a field, collection, workspace, alias or CTE name. Rockset identifiers are
 * case-sensitive whether quoted or not (spec §5.1), so {@code name} is never case-folded;
 * {@code quoted} says whether it was written {@code "name"} or {@code `name`}, which matters to
 * a translator only for reserved words and special characters.
 */
public record Identifier(String name, boolean quoted, SourcePosition position) {

    public Identifier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String toString() {
        return name;
    }
}
