package quarry.server.store;

/** A request the store refuses: the kind says which Rockset error it becomes at the HTTP edge. */
public final class StoreException extends RuntimeException {

    public enum Kind { NOT_FOUND, ALREADY_EXISTS, INVALID, DEPENDENT, CONFLICT }

    private static final long serialVersionUID = 1L;
    private final Kind kind;
    private final String messageKey;

    public StoreException(Kind kind, String messageKey, String message) {
        super(message);
        this.kind = kind;
        this.messageKey = messageKey;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public static StoreException workspaceNotFound(String ws) {
        return new StoreException(Kind.NOT_FOUND, "WORKSPACE_NOT_FOUND",
                "Workspace with name \"" + ws + "\" does not exist");
    }

    public static StoreException collectionNotFound(String ws, String name) {
        return new StoreException(Kind.NOT_FOUND, "COLLECTION_DOES_NOT_EXIST",
                "Collection \"" + name + "\" does not exist in workspace \"" + ws + "\"");
    }
}
