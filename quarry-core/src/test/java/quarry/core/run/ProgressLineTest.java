package quarry.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void padsTheMessageWithDotsToTheWidthThenTheStatus() {
        assertThat(ProgressLine.format(1, 28, "START seed file main.raw_customers", "RUN", 80))
                .isEqualTo("1 of 28 START seed file main.raw_customers ..................................... [RUN]");
        assertThat(ProgressLine.format(1, 28, "OK loaded seed file main.raw_customers", "INSERT 100", 0.05, 80))
                .isEqualTo("1 of 28 OK loaded seed file main.raw_customers ................................. [INSERT 100 in 0.05s]");
    }

    @Test
    void aMessageLongerThanTheWidthGetsNoDots() {
        String message = "START sql view model " + "x".repeat(80);
        assertThat(ProgressLine.format(2, 3, message, "RUN", 80)).isEqualTo("2 of 3 " + message + "  [RUN]");
    }
}
