package quarry.core.run;

import java.util.Locale;

/**
 * dbt's progress line: {@code "<i> of <N> <message> "} padded with dots to the printer width,
 * then {@code " [<STATUS> in <s.ss>s]"}. A message longer than the width gets no dots.
 */
public final class ProgressLine {

    public static final int DEFAULT_WIDTH = 80;

    private ProgressLine() {}

    /** A line with a status and no time, such as {@code [RUN]} or {@code [SKIP]}. */
    public static String format(int index, int total, String message, String status, int width) {
        return pad(index + " of " + total + " " + message + " ", width) + " [" + status + "]";
    }

    /** A line with a status and the node's time, such as {@code [OK in 0.05s]}. */
    public static String format(int index, int total, String message, String status, double seconds, int width) {
        return pad(index + " of " + total + " " + message + " ", width)
                + " [" + status + " in " + String.format(Locale.ROOT, "%.2f", seconds) + "s]";
    }

    private static String pad(String left, int width) {
        if (left.length() >= width) {
            return left;
        }
        return left + ".".repeat(width - left.length());
    }
}
