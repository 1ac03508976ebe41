package quarry.server.sql;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A type in {@code CAST(x AS type)}: the words as written, lower-cased ({@code int},
 * {@code double precision}, {@code varchar}), and any parenthesised numbers.
 * The function catalog maps it to a Rockset type and a DuckDB type.
 */
public record TypeName(String name, List<Long> parameters, SourcePosition position) {

    public TypeName {
        name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(position, "position");
    }
}
