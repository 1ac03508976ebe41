package quarry.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void finishedRunningListsTypesAlphabeticallyPluralisedWithTheTime() {
        assertThat(RunSummary.finishedRunning(
                        Map.of("view model", 3, "seed", 3, "data test", 20, "table model", 2, "snapshot", 0), 1.28))
                .isEqualTo("Finished running 20 data tests, 3 seeds, 2 table models, 3 view models"
                        + " in 0 hours 0 minutes and 1.28 seconds (1.28s).");
        assertThat(RunSummary.finishedRunning(Map.of("seed", 1), 3725.5))
                .isEqualTo("Finished running 1 seed in 1 hours 2 minutes and 5.50 seconds (3725.50s).");
    }

    @Test
    void completedLineCountsErrorsPartialSuccessesAndWarnings() {
        assertThat(RunSummary.completed(0, 0, 0)).isEqualTo("Completed successfully");
        assertThat(RunSummary.completed(1, 0, 2))
                .isEqualTo("Completed with 1 error, 0 partial successes, and 2 warnings:");
    }

    @Test
    void doneLineHasDbt112sFields() {
        assertThat(RunSummary.done(new RunSummary.Tally(25, 1, 1, 1, 0, 0)))
                .isEqualTo("Done. PASS=25 WARN=1 ERROR=1 SKIP=1 NO-OP=0 REUSED=0 TOTAL=28");
    }
}
