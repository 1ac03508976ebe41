package quarry.core;

import java.util.Optional;

/**
 * A user-facing error of the engine: it names where it happened (a file and, when known, a line)
 * and what to do. Each layer has its own subclass; the CLI maps them to exit codes once, and prints
 * {@link #getMessage()} without a stack trace.
 */
public abstract class QuarryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;

    protected QuarryException(SourceLocation location, String message, Throwable cause) {
        super(location == null ? message : location + ": " + message, cause);
        this.location = location;
    }

    protected QuarryException(SourceLocation location, String message) {
        this(location, message, null);
    }

    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }
}
