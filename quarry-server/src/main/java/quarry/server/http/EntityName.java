package quarry.server.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule Rockset applies to the names of workspaces, collections, views, aliases and query
 * lambdas: a letter or digit, then letters, digits, dashes or underscores, at most 100 characters.
 */
public final class EntityName {

    public static final int MAX_LENGTH = 100;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private EntityName() {}

    /** Returns why {@code name} is not a valid name for a {@code kind}, or empty when it is. */
    public static Optional<String> problem(String kind, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(kind + " name must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(kind + " name \"" + name + "\" is longer than " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(name).matches()) {
            return Optional.of(kind + " name \"" + name
                    + "\" is invalid: use letters, digits, dashes and underscores, starting with a letter or digit");
        }
        return Optional.empty();
    }
}
