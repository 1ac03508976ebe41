package quarry.core.project;

import quarry.core.QuarryException;
import quarry.core.SourceLocation;

/** A project, profile, package or properties file that cannot be read as dbt reads it. */
public final class ProjectException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public ProjectException(SourceLocation location, String message) {
        super(location, message);
    }

    public ProjectException(SourceLocation location, String message, Throwable cause) {
        super(location, message, cause);
    }
}
