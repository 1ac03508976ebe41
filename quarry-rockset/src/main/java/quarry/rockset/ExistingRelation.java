package quarry.rockset;

import java.util.Objects;
import java.util.Optional;

/**
 * What a name in a workspace stands for on the server: a view, a collection, or an alias to a
 * collection (how Quarry's tables are kept, so they can be rebuilt aside and switched). For dbt,
 * collections and aliases are both {@code table} relations; {@link #collection()} is the
 * collection that {@code INSERT INTO} must target.
 */
public record ExistingRelation(String workspace, String name, Kind kind, Optional<String> collection) {

    /** How the name is held on the server. */
    public enum Kind {
        COLLECTION,
        ALIAS,
        VIEW
    }

    public ExistingRelation {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collection, "collection");
    }

    public boolean isTable() {
        return kind != Kind.VIEW;
    }

    public boolean isView() {
        return kind == Kind.VIEW;
    }

    /** {@code "ws.name"}, as Rockset writes entity references. */
    public String qualifiedName() {
        return workspace + "." + name;
    }
}
