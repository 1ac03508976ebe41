package quarry.server.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dotted collection name: {@code coll}, {@code ws.coll} or {@code "ws"."na-me"}. A bare name
 * resolves to the statement's {@code default_workspace} option, else {@code commons} (§5.2).
 */
public record QualifiedName(List<Identifier> parts, SourcePosition position) {

    public QualifiedName {
        parts = List.copyOf(parts);
        Objects.requireNonNull(position, "position");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a qualified name has at least one part");
        }
    }

    /** The last part: the collection, view or alias name. */
    public Identifier name() {
        return parts.get(parts.size() - 1);
    }

    /** The workspace when written ({@code ws.coll}), empty for a bare name. */
    public Optional<Identifier> workspace() {
        return parts.size() >= 2 ? Optional.of(parts.get(parts.size() - 2)) : Optional.empty();
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(Identifier::name).toList());
    }
}
