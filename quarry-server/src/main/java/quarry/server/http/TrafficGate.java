package quarry.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sits in front of the API handler and applies {@link TrafficLimits}: a request past the rate gets
 * 429 {@code RATELIMITEXCEEDED}; a query past the concurrent limit waits in the queue, and past the
 * queue gets 429 {@code RESOURCEEXCEEDED}. Both in Rockset's error shape, with {@code Retry-After}.
 */
final class TrafficGate extends Handler.Wrapper {

    /** Rockset's message for the Write API (spec §3.3). */
    static final String WRITE_RATE_MESSAGE =
            "Your account is configured with a maximum write rate limit and you have reached this limit.";

    private static final Pattern QUERY_PATHS = Pattern.compile(
            "/v1/orgs/self/(queries|virtualinstances/[^/]+/queries|ws/[^/]+/lambdas/[^/]+/(versions|tags)/[^/]+)/?");

    private final TrafficLimits limits;
    private final RateLimiter rate;
    private final QueryGate queries;
    private final ObjectMapper mapper;
    private final PrintStream log;

    TrafficGate(TrafficLimits limits, ObjectMapper mapper, PrintStream log, Handler next) {
        super(next);
        this.limits = limits;
        this.rate = limits.rateLimited() ? new RateLimiter(limits.requestsPerSecond(), limits.burst(), System::nanoTime)
                : null;
        this.queries = limits.queriesLimited() ? new QueryGate(limits.maxConcurrentQueries(), limits.queryQueue())
                : null;
        this.mapper = mapper;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if ("/".equals(path)) {
            return super.handle(request, response, callback);
        }
        if (rate != null && !rate.tryAcquire()) {
            String message = path.endsWith("/docs") ? WRITE_RATE_MESSAGE
                    : "Rate limit exceeded: this server admits " + format(limits.requestsPerSecond())
                            + " requests per second.";
            return refuse(response, callback, method, path, "RATELIMITEXCEEDED", "RATE_LIMIT_EXCEEDED", message);
        }
        if (queries == null || !"POST".equals(method) || !QUERY_PATHS.matcher(path).matches()) {
            return super.handle(request, response, callback);
        }
        boolean admitted;
        try {
            admitted = queries.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            return refuse(response, callback, method, path, "RESOURCEEXCEEDED", "CONCURRENT_QUERY_LIMIT_EXCEEDED",
                    "Concurrent query limit reached: " + limits.maxConcurrentQueries() + " queries are running and "
                            + limits.queryQueue() + " are queued. Retry later.");
        }
        try {
            return super.handle(request, response, callback);
        } finally {
            queries.leave();
        }
    }

    private boolean refuse(Response response, Callback callback, String method, String path, String type,
            String key, String message) throws Exception {
        ObjectNode n = mapper.createObjectNode();
        n.put("message", message);
        n.put("message_key", key);
        n.put("type", type);
        n.putNull("line");
        n.putNull("column");
        n.put("trace_id", UUID.randomUUID().toString());
        n.putNull("error_id");
        n.putNull("query_id");
        n.putNull("internal_errors");
        response.setStatus(429);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        response.write(true, ByteBuffer.wrap(mapper.writeValueAsBytes(n)), callback);
        log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + method + " " + path + " 429 0ms " + type);
        return true;
    }

    private static String format(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }
}
