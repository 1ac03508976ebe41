package quarry.core.select;

import quarry.core.QuarryException;
import quarry.core.SourceLocation;

/** A {@code --select}, {@code --exclude} or {@code --selector} that cannot be understood. */
public final class SelectionException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public SelectionException(String message) {
        super(null, message);
    }

    public SelectionException(SourceLocation location, String message) {
        super(location, message);
    }
}
