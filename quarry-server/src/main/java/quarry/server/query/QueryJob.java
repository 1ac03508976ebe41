package quarry.server.query;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One query the server has run or is running: its status, and its results while they are kept. */
final class QueryJob {

    enum Status { QUEUED, RUNNING, COMPLETED, ERROR, CANCELLED }

    final String id;
    final Instant submittedAt;
    final Plan plan;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile Status status = Status.QUEUED;
    volatile ResultPages pages;
    volatile QueryException error;
    volatile String lastOffset;
    volatile long elapsedMs;
    private java.sql.Statement running;
    volatile boolean cancelled;
    volatile boolean timedOut;
    volatile boolean evicted;
    volatile Instant expiresAt;

    QueryJob(String id, Plan plan) {
        this.id = id;
        this.plan = plan;
        this.submittedAt = Instant.now();
    }

    /** The statement now running for this job; interrupt() cancels it. */
    synchronized void attach(java.sql.Statement statement) {
        running = statement;
    }

    /** Called before the statement is closed, so a late interrupt cannot reach a reused connection. */
    synchronized void detach() {
        running = null;
    }

    synchronized void interrupt() {
        if (running != null) {
            try {
                running.cancel();
            } catch (java.sql.SQLException ignored) {
                // it ends by itself
            }
        }
    }

    List<String> collections() {
        return plan.collections();
    }

    boolean finished() {
        return status == Status.COMPLETED || status == Status.ERROR || status == Status.CANCELLED;
    }
}
