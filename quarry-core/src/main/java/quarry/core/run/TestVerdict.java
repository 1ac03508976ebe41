package quarry.core.run;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a data test's failure count becomes its status, as dbt decides it: {@code severity}
 * ({@code error} or {@code warn}), and the conditions {@code error_if} and {@code warn_if}
 * (default {@code != 0}) applied to {@code fail_calc} (default {@code count(*)}).
 */
public record TestVerdict(String severity, String warnIf, String errorIf, String failCalc) {

    private static final Pattern CONDITION = Pattern.compile("\\s*(==|=|!=|<>|>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    public static TestVerdict of(Map<String, Object> config) {
        return new TestVerdict(
                String.valueOf(config.getOrDefault("severity", "error")).strip().toLowerCase(Locale.ROOT),
                String.valueOf(config.getOrDefault("warn_if", "!= 0")),
                String.valueOf(config.getOrDefault("error_if", "!= 0")),
                String.valueOf(config.getOrDefault("fail_calc", "count(*)")));
    }

    public TestVerdict {
        if (!severity.equals("error") && !severity.equals("warn")) {
            throw new IllegalArgumentException("severity must be 'error' or 'warn', not '" + severity + "'");
        }
        check("warn_if", warnIf);
        check("error_if", errorIf);
    }

    private static void check(String name, String condition) {
        if (!CONDITION.matcher(condition).matches()) {
            throw new IllegalArgumentException(name + " must be a comparison with a number, such as '>10' or '!= 0', not '"
                    + condition + "'");
        }
    }

    /** The query dbt runs: failures, and whether they pass the warn and error conditions. */
    public String wrap(String testSql, Integer limit) {
        return "SELECT " + failCalc + " AS failures FROM (\n" + testSql + (limit == null ? "" : "\nLIMIT " + limit)
                + "\n) AS dbt_internal_test";
    }

    /** The test's status for this many failures. */
    public NodeResult.Status judge(long failures) {
        if (severity.equals("error") && holds(errorIf, failures)) {
            return NodeResult.Status.FAIL;
        }
        if (holds(warnIf, failures)) {
            return NodeResult.Status.WARN;
        }
        return NodeResult.Status.PASS;
    }

    /** dbt's message for a test that did not pass: {@code Got 3 results, configured to fail if != 0}. */
    public String message(long failures, NodeResult.Status status) {
        String condition = status == NodeResult.Status.FAIL ? errorIf : warnIf;
        return "Got " + failures + " result" + (failures == 1 ? "" : "s") + ", configured to "
                + (status == NodeResult.Status.FAIL ? "fail" : "warn") + " if " + condition.strip();
    }

    static boolean holds(String condition, long value) {
        Matcher m = CONDITION.matcher(condition);
        if (!m.matches()) {
            return false;
        }
        int order = BigDecimal.valueOf(value).compareTo(new BigDecimal(m.group(2)));
        return switch (m.group(1)) {
            case "==", "=" -> order == 0;
            case "!=", "<>" -> order != 0;
            case ">=" -> order >= 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order < 0;
        };
    }
}
