package quarry.server.store;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One incoming document and the write it asks for with {@code _op} (spec §5.4). {@code op} is null
 * when the document named none: then the document replaces any stored one (the documented
 * "overwrite"). {@code document} is null only for DELETE.
 */
public record Operation(String id, StoredDocument document, String op, boolean generatedId) {

    /** The values of {@code _op}, upper case. */
    public static final Set<String> OPS = Set.of("INSERT", "UPDATE", "UPSERT", "DELETE", "REPLACE", "REPSERT");

    public Operation {
        Objects.requireNonNull(id, "id");
        op = op == null ? null : op.toUpperCase(Locale.ROOT);
        if (op != null && !OPS.contains(op)) {
            throw new InvalidDocumentException("_op \"" + op + "\" is not one of INSERT, UPDATE, UPSERT, DELETE,"
                    + " REPLACE, REPSERT");
        }
        if (document == null && !"DELETE".equals(op)) {
            throw new IllegalArgumentException("only a DELETE may come without a document");
        }
    }

    public static Operation delete(String id) {
        return new Operation(id, null, "DELETE", false);
    }

    public static Operation of(StoredDocument document, String op, boolean generatedId) {
        return "DELETE".equals(op == null ? null : op.toUpperCase(Locale.ROOT)) ? delete(document.id())
                : new Operation(document.id(), document, op, generatedId);
    }

    public boolean isDelete() {
        return "DELETE".equals(op);
    }

    /** Whether the outcome depends on the document stored under the same {@code _id}. */
    boolean readsStored() {
        return op != null && !isDelete() && !"REPSERT".equals(op);
    }
}
