package quarry.server.http;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} tokens, refilled at {@code perSecond}; each admitted request takes
 * one. The clock is injected so that tests need no sleeping.
 */
final class RateLimiter {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limiter needs a positive rate and a burst of at least 1");
        }
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes a token if one is available. */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
