package quarry.rockset;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for a state by polling: it checks at once, then at growing intervals (from 5 ms up to
 * {@code maxInterval}), and returns as soon as the state is reached or fails after {@code timeout}.
 */
public record Poller(Duration timeout, Duration maxInterval) {

    public static final Poller DEFAULT = new Poller(Duration.ofMinutes(10), Duration.ofSeconds(1));

    /** Polls {@code check} until it yields a value; {@code what} names the awaited state in the timeout error. */
    public <T> T until(String what, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = 5;
        while (true) {
            Optional<T> value = check.get();
            if (value.isPresent()) {
                return value.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new RocksetApiException(408, "TIMEOUT",
                        "gave up after " + timeout.toSeconds() + " s waiting for " + what, null, null, null);
            }
            sleep(Math.min(interval, Duration.ofNanos(left).toMillis() + 1));
            interval = Math.min(interval * 2, maxInterval.toMillis());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocksetApiException(0, "QUERY_CANCELLED", "interrupted", null, null, null);
        }
    }
}
