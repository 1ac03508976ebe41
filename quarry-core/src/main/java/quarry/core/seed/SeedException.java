package quarry.core.seed;

/** A seed file that cannot be loaded; the message names the file and, where known, the line. */
public final class SeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SeedException(String message) {
        super(message);
    }
}
