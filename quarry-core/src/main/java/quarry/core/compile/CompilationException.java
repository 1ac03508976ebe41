package quarry.core.compile;

import quarry.core.QuarryException;
import quarry.core.SourceLocation;

/** A node or macro that cannot be rendered: a Jinja error, a bad ref, a raised compiler error. Names the file and line. */
public final class CompilationException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public CompilationException(SourceLocation location, String message) {
        super(location, message);
    }

    public CompilationException(SourceLocation location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
