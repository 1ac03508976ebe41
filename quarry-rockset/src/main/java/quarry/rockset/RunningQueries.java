package quarry.rockset;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The asynchronous queries a client has running on the server, so that Ctrl-C can cancel them:
 * an async query joins when the server answers with its id and it is not done, and leaves when its
 * status is seen done. Submissions still waiting for that answer are counted, so a cancel can wait
 * for their ids (an async query answers within its {@code client_timeout_ms}).
 */
final class RunningQueries {

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private int submitting;

    /** Sends an async query through {@code submit}, and remembers it if it is still running. */
    QueryResult submit(Supplier<QueryResult> submit) {
        synchronized (lock) {
            submitting++;
        }
        try {
            QueryResult result = submit.get();
            if (!result.isDone() && !result.queryId().isEmpty()) {
                running.add(result.queryId());
            }
            return result;
        } finally {
            synchronized (lock) {
                submitting--;
                lock.notifyAll();
            }
        }
    }

    void done(String queryId) {
        running.remove(queryId);
    }

    /** The running queries, once submissions in flight have answered or {@code timeoutMs} has passed. */
    List<String> awaitAndList(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        synchronized (lock) {
            while (submitting > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return List.copyOf(running);
    }
}
