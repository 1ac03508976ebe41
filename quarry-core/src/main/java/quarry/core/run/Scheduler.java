package quarry.core.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the nodes of a DAG on a fixed number of threads, as dbt's runner does: a node starts once
 * all its selected parents are done; among ready nodes the one earliest in the given order goes
 * first; a node whose parent failed is skipped without running, and so are its own dependants;
 * with fail-fast, the first failure skips everything not yet started.
 *
 * @param <R> what running a node yields
 */
public final class Scheduler<R> {

    /** What the scheduler needs to know about each node and its result. */
    public interface Work<R> {
        /** Runs the node; an exception escaping here is a bug of the caller, not a node failure. */
        R run(String id);

        /** The result recorded for a node skipped because {@code cause} failed (or fail-fast stopped the run). */
        R skipped(String id, String cause);

        /** Whether this result makes the node's dependants skip. */
        boolean blocksDependants(R result);
    }

    private final int threads;
    private final boolean failFast;
    private final AtomicInteger threadNumber = new AtomicInteger();

    public Scheduler(int threads, boolean failFast) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        this.failFast = failFast;
    }

    /**
     * Runs every node of {@code order} (a topological order of the selection); {@code parents}
     * gives each node's parents, of which only those in {@code order} are waited for.
     * Returns the results in completion order.
     */
    public Map<String, R> run(List<String> order, Function<String, Set<String>> parents, Work<R> work) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            if (position.put(order.get(i), i) != null) {
                throw new IllegalArgumentException("node " + order.get(i) + " appears twice in the order");
            }
        }
        Map<String, AtomicInteger> waitingOn = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(position.get(a), position.get(b)));
        for (String id : order) {
            int count = 0;
            for (String parent : parents.apply(id)) {
                if (position.containsKey(parent) && !parent.equals(id)) {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
                    count++;
                }
            }
            waitingOn.put(id, new AtomicInteger(count));
            if (count == 0) {
                ready.add(id);
            }
        }

        Map<String, R> results = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "Thread-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ExecutorCompletionService<Done<R>> completions = new ExecutorCompletionService<>(pool);
        int running = 0;
        String stoppedBy = null;
        try {
            while (!ready.isEmpty() || running > 0) {
                while (stoppedBy == null && running < threads && !ready.isEmpty()) {
                    String id = ready.poll();
                    completions.submit(() -> new Done<>(id, work.run(id)));
                    running++;
                }
                if (stoppedBy != null) {
                    while (!ready.isEmpty()) {
                        String id = ready.poll();
                        record(results, id, work.skipped(id, stoppedBy), work, children, waitingOn, ready, stoppedBy);
                    }
                }
                if (running == 0) {
                    continue;
                }
                Done<R> done = take(completions);
                running--;
                results.put(done.id(), done.result());
                boolean failed = work.blocksDependants(done.result());
                if (failed && failFast && stoppedBy == null) {
                    stoppedBy = done.id();
                }
                release(done.id(), failed, work, children, waitingOn, ready, results);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : order) {
            if (!results.containsKey(id)) {
                results.put(id, work.skipped(id, Objects.requireNonNullElse(stoppedBy, "an earlier failure")));
            }
        }
        return results;
    }

    private record Done<R>(String id, R result) {}

    /** Makes children ready, or skips them (and, through them, their own dependants) when {@code id} failed. */
    private void release(String id, boolean failed, Work<R> work, Map<String, List<String>> children,
            Map<String, AtomicInteger> waitingOn, PriorityQueue<String> ready, Map<String, R> results) {
        for (String child : children.getOrDefault(id, List.of())) {
            if (results.containsKey(child)) {
                continue;
            }
            if (failed) {
                record(results, child, work.skipped(child, id), work, children, waitingOn, ready, id);
            } else if (waitingOn.get(child).decrementAndGet() == 0) {
                ready.add(child);
            }
        }
    }

    private void record(Map<String, R> results, String id, R skip, Work<R> work, Map<String, List<String>> children,
            Map<String, AtomicInteger> waitingOn, PriorityQueue<String> ready, String cause) {
        if (results.containsKey(id)) {
            return;
        }
        ready.remove(id);
        results.put(id, skip);
        for (String child : children.getOrDefault(id, List.of())) {
            if (!results.containsKey(child)) {
                record(results, child, work.skipped(child, cause), work, children, waitingOn, ready, cause);
            }
        }
    }

    private static <R> Done<R> take(ExecutorCompletionService<Done<R>> completions) {
        try {
            Future<Done<R>> future = completions.take();
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Thrown when the thread driving a run is interrupted (Ctrl-C). */
    public static final class RunCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunCancelledException() {
            super("the run was cancelled");
        }
    }
}
