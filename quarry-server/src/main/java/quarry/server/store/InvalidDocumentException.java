package quarry.server.store;

/** One document of a write batch cannot be stored; the rest of the batch still is. */
public final class InvalidDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDocumentException(String message) {
        super(message);
    }
}
