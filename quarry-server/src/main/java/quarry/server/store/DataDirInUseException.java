package quarry.server.store;

/** Another process holds the data dir; the message names the directory. */
public final class DataDirInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataDirInUseException(String message) {
        super(message);
    }
}
