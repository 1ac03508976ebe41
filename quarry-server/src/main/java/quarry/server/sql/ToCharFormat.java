package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code TO_CHAR(value, 'template')}, a Quarry extension in the PostgreSQL/Oracle form that dbt
 * packages' default macros write (dbt_date's {@code day_name}, {@code month_name}): the template
 * is turned into DuckDB {@code strftime} pieces, with the case of names following the pattern's
 * ({@code MON}, {@code Mon}, {@code mon}). Names are never blank-padded, as if {@code FM} were
 * always given. docs/sql-functions.md lists the patterns.
 */
final class ToCharFormat {

    /** One pattern: its text and how it renders, {@code %s} standing for the value's SQL. */
    private record Pattern(String text, String sql) {}

    private static final List<Pattern> PATTERNS = List.of(
            strftime("YYYY", "%Y"), strftime("YY", "%y"),
            named("MONTH", "%B"), named("MON", "%b"), strftime("MM", "%m"),
            named("DAY", "%A"), named("DY", "%a"),
            strftime("DDD", "%j"), strftime("DD", "%d"),
            new Pattern("D", "CAST(dayofweek(%s) + 1 AS VARCHAR)"),
            strftime("HH24", "%H"), strftime("HH12", "%I"), strftime("HH", "%I"),
            strftime("MI", "%M"), strftime("SS", "%S"), strftime("MS", "%g"), strftime("US", "%f"),
            named("AM", "%p"), named("PM", "%p"),
            strftime("IW", "%V"), new Pattern("Q", "CAST(quarter(%s) AS VARCHAR)"));

    private ToCharFormat() {}

    private static Pattern strftime(String text, String format) {
        return new Pattern(text, "strftime(%s, '" + format + "')");
    }

    /** A name (or AM/PM) in the case written: all capitals, capitalised, lower case. */
    private static Pattern named(String text, String format) {
        return new Pattern(text, "upper(strftime(%s, '" + format + "'))");
    }

    /** The SQL of TO_CHAR for a value's SQL and a template. */
    static String render(String value, String template, SourcePosition position) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("FM", i) || template.startsWith("fm", i)) {
                i += 2;
                continue;
            }
            char c = template.charAt(i);
            if (c == '"') {
                int end = template.indexOf('"', i + 1);
                if (end < 0) {
                    throw new InvalidFunctionCallException("TO_CHAR: the quoted text in '" + template + "' is not closed.",
                            position, InvalidFunctionCallException.INVALID_ARGUMENTS);
                }
                literal.append(template, i + 1, end);
                i = end + 1;
                continue;
            }
            Pattern matched = match(template, i);
            if (matched == null) {
                literal.append(c);
                i++;
                continue;
            }
            flush(literal, parts);
            String written = template.substring(i, i + matched.text().length());
            String sql = matched.sql().replace("%s", value);
            if (matched.sql().startsWith("upper(")) {
                boolean lower = written.equals(written.toLowerCase(Locale.ROOT));
                boolean capitalised = !lower && !written.equals(written.toUpperCase(Locale.ROOT));
                String inner = sql.substring("upper(".length(), sql.length() - 1);
                sql = lower ? "lower(" + inner + ")" : capitalised ? inner : sql;
            }
            parts.add(sql);
            i += matched.text().length();
        }
        flush(literal, parts);
        return parts.isEmpty() ? "''" : "(" + String.join(" || ", parts) + ")";
    }

    private static Pattern match(String template, int at) {
        for (Pattern p : PATTERNS) {
            if (template.regionMatches(true, at, p.text(), 0, p.text().length())) {
                return p;
            }
        }
        return null;
    }

    private static void flush(StringBuilder literal, List<String> parts) {
        if (literal.length() > 0) {
            parts.add("'" + literal.toString().replace("'", "''") + "'");
            literal.setLength(0);
        }
    }
}
