package quarry.core.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbt {@code require-dbt-version} constraint: one or more comparisons such as
 * {@code ">=1.0.0"} or {@code "<2.0.0"} that must all hold. A bare version means {@code ==}.
 */
public record VersionRequirement(List<Comparison> comparisons) {

    private static final Pattern COMPARISON =
            Pattern.compile("\\s*(>=|<=|==|=|>|<)?\\s*(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?\\S*\\s*");

    public VersionRequirement {
        comparisons = List.copyOf(comparisons);
    }

    /** One bound: an operator and a version; absent minor or patch parts count as zero. */
    public record Comparison(String operator, int[] version) {
        public Comparison {
            Objects.requireNonNull(operator);
            version = version.clone();
        }

        boolean holdsFor(int[] candidate) {
            int order = compare(candidate, version);
            return switch (operator) {
                case ">=" -> order >= 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case "<" -> order < 0;
                default -> order == 0;
            };
        }

        @Override
        public String toString() {
            return operator + version[0] + "." + version[1] + "." + version[2];
        }
    }

    /** Parses each entry; an entry may itself hold several comparisons separated by commas. */
    public static VersionRequirement parse(List<String> entries) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                Matcher m = COMPARISON.matcher(part);
                if (!m.matches()) {
                    throw new IllegalArgumentException("'" + part.trim() + "' is not a version comparison such as '>=1.0.0'");
                }
                String op = m.group(1) == null || m.group(1).equals("=") ? "==" : m.group(1);
                comparisons.add(new Comparison(op, new int[] {
                    Integer.parseInt(m.group(2)), parseOrZero(m.group(3)), parseOrZero(m.group(4))
                }));
            }
        }
        return new VersionRequirement(comparisons);
    }

    public boolean accepts(String version) {
        Matcher m = COMPARISON.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + version + "' is not a version");
        }
        int[] candidate = {Integer.parseInt(m.group(2)), parseOrZero(m.group(3)), parseOrZero(m.group(4))};
        return comparisons.stream().allMatch(c -> c.holdsFor(candidate));
    }

    private static int parseOrZero(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
