package quarry.core.select;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One selection atom, dbt's {@code [@][N+]method:value[+N]}: a method and value with graph operators.
 *
 * @param parentsDepth -1 for none, 0 for unlimited ({@code +x}), N for {@code N+x}
 * @param childrenDepth likewise for {@code x+} and {@code x+N}
 */
public record SelectionCriteria(String method, String value, int parentsDepth, int childrenDepth, boolean childrensParents) {

    private static final Pattern ATOM = Pattern.compile("^(@)?(?:(\\d*)(\\+))?([^+]+?)(?:(\\+)(\\d*))?$");

    public static SelectionCriteria parse(String raw) {
        Matcher m = ATOM.matcher(raw.strip());
        if (!m.matches()) {
            throw new SelectionException("cannot read selector '" + raw + "'; expected [@][N+]method:value[+N]");
        }
        boolean at = m.group(1) != null;
        int parents = m.group(3) == null ? -1 : m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
        int children = m.group(5) == null ? -1 : m.group(6).isEmpty() ? 0 : Integer.parseInt(m.group(6));
        if (at && (parents >= 0 || children >= 0)) {
            throw new SelectionException("'" + raw + "': '@' cannot be combined with '+'");
        }
        String body = m.group(4);
        String method;
        String value;
        int colon = body.indexOf(':');
        if (colon > 0 && !body.substring(0, colon).contains("/")) {
            method = body.substring(0, colon);
            value = body.substring(colon + 1);
        } else {
            value = body;
            method = looksLikePath(body) ? "path" : "fqn";
        }
        if (value.isEmpty()) {
            throw new SelectionException("'" + raw + "' has no value after '" + method + ":'");
        }
        return new SelectionCriteria(method, value, parents, children, at);
    }

    private static boolean looksLikePath(String value) {
        return value.contains("/") || value.endsWith(".sql") || value.endsWith(".py") || value.endsWith(".csv");
    }
}
