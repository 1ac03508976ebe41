package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(700));

    @Test
    void delaysDoubleFromTheInitialDelayUpToTheCap() {
        assertThat(policy.delayAfter(1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(3, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayAfter(4, 0)).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.delayAfter(40, 0)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void jitterAddsAtMostAFifth() {
        assertThat(policy.delayAfter(1, 1.0)).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("at least 1");
    }
}
