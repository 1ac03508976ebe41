package quarry.core.run;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** The closing lines of a dbt run: "Finished running …", "Completed …" and the "Done." stats line. */
public final class RunSummary {

    /** The tallies of the stats line. */
    public record Tally(int pass, int warn, int error, int skip, int noOp, int reused) {
        public int total() {
            return pass + warn + error + skip + noOp + reused;
        }
    }

    private RunSummary() {}

    /**
     * {@code Finished running 3 seeds, 2 table models in 0 hours 0 minutes and 1.28 seconds (1.28s).}
     * The counts are keyed by dbt's type key ({@code seed}, {@code view model}, {@code data test},
     * {@code snapshot}, {@code project hook}), listed alphabetically.
     */
    public static String finishedRunning(Map<String, Integer> countsByTypeKey, double seconds) {
        StringJoiner parts = new StringJoiner(", ");
        new TreeMap<>(countsByTypeKey).forEach((key, count) -> {
            if (count > 0) {
                parts.add(count + " " + (count == 1 ? key : key + "s"));
            }
        });
        long whole = (long) seconds;
        long hours = whole / 3600;
        long minutes = whole % 3600 / 60;
        double rest = seconds - hours * 3600 - minutes * 60;
        return String.format(Locale.ROOT, "Finished running %s in %d hours %d minutes and %.2f seconds (%.2fs).",
                parts, hours, minutes, rest, seconds);
    }

    /** {@code Completed successfully}, or {@code Completed with 1 error, 0 partial successes, and 2 warnings:}. */
    public static String completed(int errors, int partialSuccesses, int warnings) {
        if (errors == 0 && partialSuccesses == 0 && warnings == 0) {
            return "Completed successfully";
        }
        return "Completed with " + plural(errors, "error", "errors") + ", "
                + plural(partialSuccesses, "partial success", "partial successes") + ", and "
                + plural(warnings, "warning", "warnings") + ":";
    }

    /** {@code Done. PASS=28 WARN=0 ERROR=0 SKIP=0 NO-OP=0 REUSED=0 TOTAL=28}, dbt 1.12's form. */
    public static String done(Tally tally) {
        return "Done. PASS=" + tally.pass() + " WARN=" + tally.warn() + " ERROR=" + tally.error()
                + " SKIP=" + tally.skip() + " NO-OP=" + tally.noOp() + " REUSED=" + tally.reused()
                + " TOTAL=" + tally.total();
    }

    private static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
