package quarry.server.http;

/**
 * Optional limits that make the server answer 429 like Rockset does (spec §3.3); all off by default.
 *
 * @param requestsPerSecond     API requests admitted per second (a token bucket), or 0 for no rate limit
 * @param burst                 requests admitted at once before the rate applies (at least 1 when limited)
 * @param maxConcurrentQueries  queries run at the same time, or 0 for no limit
 * @param queryQueue            queries waiting for a slot before the next one is refused with 429
 */
public record TrafficLimits(double requestsPerSecond, int burst, int maxConcurrentQueries, int queryQueue) {

    /** Rockset's queue of waiting queries holds 100 (spec §3.3). */
    public static final int DEFAULT_QUERY_QUEUE = 100;

    public TrafficLimits {
        if (requestsPerSecond < 0 || Double.isNaN(requestsPerSecond) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("the rate limit must be a positive number of requests per second");
        }
        if (maxConcurrentQueries < 0) {
            throw new IllegalArgumentException("the concurrent query limit must not be negative");
        }
        if (queryQueue < 0) {
            throw new IllegalArgumentException("the query queue must not be negative");
        }
        burst = requestsPerSecond > 0 ? Math.max(1, burst) : 0;
    }

    /** No limits at all. */
    public static TrafficLimits none() {
        return new TrafficLimits(0, 0, 0, DEFAULT_QUERY_QUEUE);
    }

    public boolean rateLimited() {
        return requestsPerSecond > 0;
    }

    public boolean queriesLimited() {
        return maxConcurrentQueries > 0;
    }

    public TrafficLimits withRate(double perSecond, int burstSize) {
        return new TrafficLimits(perSecond, burstSize, maxConcurrentQueries, queryQueue);
    }

    public TrafficLimits withConcurrentQueries(int max, int queue) {
        return new TrafficLimits(requestsPerSecond, burst, max, queue);
    }
}
