package quarry.core.compile;

import java.util.List;
import quarry.core.artifacts.CompiledNode;

/**
 * Puts ephemeral models into compiled SQL as dbt does: each as {@code __dbt__cte__<name> as (...)};
 * after the statement's own top-level {@code with} when it has one (followed by a comma), otherwise
 * in a new {@code with} before the first token.
 */
final class CteInjector {

    private CteInjector() {}

    static String inject(String sql, List<CompiledNode.Cte> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < ctes.size(); i++) {
            if (i > 0) {
                joined.append(", ");
            }
            joined.append(ctes.get(i).sql());
        }
        int withEnd = topLevelWith(sql);
        if (withEnd >= 0) {
            return sql.substring(0, withEnd) + joined + "," + sql.substring(withEnd);
        }
        int first = 0;
        while (first < sql.length() && Character.isWhitespace(sql.charAt(first))) {
            first++;
        }
        return sql.substring(0, first) + "with" + joined + sql.substring(first);
    }

    /** The index just after the first top-level {@code with} keyword, or -1. */
    static int topLevelWith(String sql) {
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                if (depth == 0 && i - start == 4 && sql.regionMatches(true, start, "with", 0, 4)) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }
}
