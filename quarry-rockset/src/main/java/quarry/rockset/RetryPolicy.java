package quarry.rockset;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential backoff for retryable failures (HTTP 429, 502-504, dropped connections):
 * the first retry waits {@code initialDelay}, each next one twice as long up to {@code maxDelay},
 * with up to 20% jitter, for at most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(8));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** The pause before attempt number {@code attempt + 1}, where {@code attempt} starts at 1. */
    Duration delayAfter(int attempt, double jitter) {
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(Math.round(capped * (1.0 + 0.2 * jitter)));
    }
}
