package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void admitsTheBurstThenOneRequestPerRefilledToken() {
        AtomicLong clock = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 3, clock::get);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        clock.addAndGet(499_000_000L);
        assertThat(limiter.tryAcquire()).isFalse();
        clock.addAndGet(1_000_000L);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurstAfterAnIdlePeriod() {
        AtomicLong clock = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, 2, clock::get);
        clock.addAndGet(3_600_000_000_000L);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }
}
