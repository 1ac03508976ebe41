package quarry.core.parse;

import quarry.core.QuarryException;
import quarry.core.SourceLocation;

/** A project file whose contents dbt would reject while parsing: bad blocks, bad properties, unknown refs. */
public final class ParseException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public ParseException(SourceLocation location, String message) {
        super(location, message);
    }

    public ParseException(SourceLocation location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
