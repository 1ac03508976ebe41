package quarry.rockset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP side of {@link RocksetClient}: one JSON request to a Rockset API server with the
 * {@code ApiKey} header, retried by the {@link RetryPolicy} when the failure is retryable, and a
 * non-2xx answer turned into a {@link RocksetApiException} carrying Rockset's error fields.
 */
final class RocksetTransport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String authorization;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final String userAgent;
    private final HttpClient http;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    RocksetTransport(URI baseUrl, String apiKey, RetryPolicy retryPolicy, Duration requestTimeout, String userAgent) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.authorization = "ApiKey " + Objects.requireNonNull(apiKey, "apiKey");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.http = HttpClient.newBuilder()
                .version("https".equals(baseUrl.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** How many HTTP requests were sent, retries included. */
    long requestCount() {
        return requests.get();
    }

    JsonNode send(String method, String pathAndQuery, JsonNode body) {
        byte[] payload = body == null ? null : bytes(body);
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(method, pathAndQuery, payload);
            } catch (RocksetApiException e) {
                if (!e.isRetryable() || attempt >= retryPolicy.maxAttempts()) {
                    throw e;
                }
                Poller.sleep(retryPolicy.delayAfter(attempt, ThreadLocalRandom.current().nextDouble()).toMillis());
            }
        }
    }

    private JsonNode sendOnce(String method, String pathAndQuery, byte[] payload) {
        requests.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        if (payload != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw RocksetApiException.transport(method + " " + baseUrl + pathOnly(pathAndQuery) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocksetApiException(0, "QUERY_CANCELLED", "interrupted", null, null, null);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw error(response.statusCode(), answer, method, pathAndQuery);
        }
        return answer;
    }

    private RocksetApiException error(int status, JsonNode body, String method, String pathAndQuery) {
        String message = text(body.get("message"))
                .orElse("HTTP " + status + " from " + method + " " + pathOnly(pathAndQuery));
        Integer line = body.path("line").isInt() ? body.path("line").asInt() : null;
        Integer column = body.path("column").isInt() ? body.path("column").asInt() : null;
        if (line != null && !message.contains("line " + line)) {
            message = message + " (at line " + line + (column == null ? "" : ", column " + column) + " of the SQL sent)";
        }
        return new RocksetApiException(status, text(body.get("type")).orElse(""), message, line, column,
                text(body.get("query_id")).orElse(null));
    }

    static Optional<String> text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().isEmpty()
                ? Optional.empty()
                : Optional.of(node.asText());
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
