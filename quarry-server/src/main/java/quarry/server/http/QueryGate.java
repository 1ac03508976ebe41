package quarry.server.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rockset's concurrent query limit with its queue (spec §3.3): at most {@code max} queries run; up
 * to {@code queue} more wait for a slot, in arrival order; past that a query is refused.
 */
final class QueryGate {

    private final Semaphore running;
    private final int queue;
    private final AtomicInteger waiting = new AtomicInteger();

    QueryGate(int max, int queue) {
        if (max < 1 || queue < 0) {
            throw new IllegalArgumentException("a query gate needs at least one slot and a non-negative queue");
        }
        this.running = new Semaphore(max, true);
        this.queue = queue;
    }

    /** Takes a slot, waiting in the queue if needed; false when the queue is full (the query is refused). */
    boolean enter() throws InterruptedException {
        if (running.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            running.acquire();
            return true;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives back the slot taken by a successful {@link #enter()}. */
    void leave() {
        running.release();
    }

    int waiting() {
        return waiting.get();
    }
}
