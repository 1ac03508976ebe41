package quarry.rockset;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CREATE [OR REPLACE] VIEW "ws"."name" AS <query>}, which Rockset's SQL does not have: what
 * {@code rockset__create_view_as} renders, so that a macro that runs it through {@code run_query}
 * (as dbt's BaseAdapterMethod test does) creates the view through the REST API, as dbt-rockset's
 * macro did.
 */
record ViewStatement(String workspace, String name, String query) {

    private static final String PART = "(\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[A-Za-z0-9_-]+)";
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "\\A\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+" + PART + "\\s*\\.\\s*" + PART + "\\s+AS\\s+(.+?)\\s*;?\\s*\\z",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static Optional<ViewStatement> parse(String sql) {
        Matcher matcher = CREATE_VIEW.matcher(sql);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ViewStatement(unquote(matcher.group(1)), unquote(matcher.group(2)), matcher.group(3)));
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
