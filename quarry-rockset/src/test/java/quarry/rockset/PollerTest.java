package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {

    @Test
    void returnsTheValueAsSoonAsTheStateIsReached() {
        AtomicInteger calls = new AtomicInteger();
        String value = new Poller(Duration.ofSeconds(30), Duration.ofMillis(10))
                .until("ready", () -> calls.incrementAndGet() == 3 ? Optional.of("READY") : Optional.empty());
        assertThat(value).isEqualTo("READY");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aStateNeverReachedFailsNamingWhatItWaitedFor() {
        assertThatThrownBy(() -> new Poller(Duration.ofMillis(30), Duration.ofMillis(10))
                        .until("collection shop.orders to be READY", Optional::empty))
                .isInstanceOf(RocksetApiException.class)
                .hasMessageContaining("collection shop.orders to be READY");
    }
}
