package quarry.rockset;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CREATE [OR REPLACE] VIEW|TABLE "ws"."name" AS <query>}, which Rockset's SQL does not
 * have: what {@code rockset__create_view_as} and {@code rockset__create_table_as} render, so that
 * a macro that runs them through {@code run_query} or {@code statement} (dbt's BaseAdapterMethod
 * test, a project's own {@code {% materialization %}}) creates the view or the collection through
 * the REST API, as the built-in materializations do.
 */
record DdlStatement(Kind kind, String workspace, String name, String query) {

    enum Kind { VIEW, TABLE }

    private static final String PART = "(\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[A-Za-z0-9_-]+)";
    private static final Pattern CREATE = Pattern.compile(
            "\\A\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(VIEW|TABLE)\\s+" + PART + "\\s*\\.\\s*" + PART
                    + "\\s+AS\\s+(.+?)\\s*;?\\s*\\z",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static Optional<DdlStatement> parse(String sql) {
        Matcher matcher = CREATE.matcher(sql);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DdlStatement(Kind.valueOf(matcher.group(1).toUpperCase(Locale.ROOT)),
                unquote(matcher.group(2)), unquote(matcher.group(3)), matcher.group(4)));
    }

    private static String unquote(String part) {
        char first = part.charAt(0);
        if (first == '"' || first == '`') {
            String q = String.valueOf(first);
            return part.substring(1, part.length() - 1).replace(q + q, q);
        }
        return part;
    }
}
