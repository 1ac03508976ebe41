package quarry.server.query;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries kept after their request (async ones, and paginated results): lookup by id,
 * expiry, and the memory budget of their results (spec §4.7).
 */
final class QueryJobs {

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Map<String, QueryJob> jobs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A new query id in Rockset's form ({@code <uuid>:<7 alphanumerics>:0}). */
    String newId() {
        StringBuilder sb = new StringBuilder(UUID.randomUUID().toString()).append(':');
        for (int i = 0; i < 7; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return sb.append(":0").toString();
    }

    void keep(QueryJob job) {
        jobs.put(job.id, job);
        evictOverBudget(job);
    }

    /** Called when a job finishes: its results count against the budget if it is kept. */
    void finished(QueryJob job) {
        if (jobs.containsKey(job.id)) {
            evictOverBudget(job);
        }
    }

    /** The kept job with this id, unless it expired; else 404. */
    QueryJob get(String id) {
        QueryJob job = jobs.get(id);
        if (job == null || (job.expiresAt != null && job.expiresAt.isBefore(Instant.now()))) {
            throw QueryException.notFound(id);
        }
        return job;
    }

    /** The queries that are queued or running, oldest first. */
    List<QueryJob> unfinished() {
        return jobs.values().stream().filter(j -> !j.finished())
                .sorted((a, b) -> a.submittedAt.compareTo(b.submittedAt)).toList();
    }

    /** Forgets the jobs whose results expired. */
    void expire() {
        Instant now = Instant.now();
        jobs.values().removeIf(j -> j.expiresAt != null && j.expiresAt.isBefore(now));
    }

    /** Cancels every running job (at shutdown). */
    void cancelAll() {
        for (QueryJob job : jobs.values()) {
            if (!job.finished()) {
                job.cancelled = true;
                job.interrupt();
            }
        }
    }

    /**
     * Kept results live in memory; past a quarter of the heap the oldest finished queries lose
     * their results (their status stays) so that paging through big results cannot exhaust it.
     */
    private void evictOverBudget(QueryJob current) {
        long budget = Runtime.getRuntime().maxMemory() / 4;
        List<QueryJob> kept = new ArrayList<>();
        long total = 0;
        for (QueryJob j : jobs.values()) {
            ResultPages p = j.pages;
            if (p != null) {
                total += p.bytes() + 4L * p.count();
                kept.add(j);
            }
        }
        if (total <= budget) {
            return;
        }
        kept.sort((a, b) -> a.submittedAt.compareTo(b.submittedAt));
        for (QueryJob j : kept) {
            if (total <= budget) {
                break;
            }
            if (j != current && j.finished()) {
                ResultPages p = j.pages;
                j.pages = null;
                j.evicted = true;
                total -= p.bytes() + 4L * p.count();
            }
        }
    }
}
