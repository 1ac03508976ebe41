package quarry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few Rockset REST calls {@code quarry load} makes: ensure the collection, add documents. A
 * 429 or 503 is retried with back-off (the server's optional rate limit); the API key is sent only
 * in the Authorization header and never printed.
 */
final class WriteApi {

    /** A refusal by the server, with its Rockset error message. */
    static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final int ATTEMPTS = 8;

    private final URI base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    WriteApi(URI base, String key) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.key = key;
    }

    /** Checks that the collection exists; with {@code create}, creates it (and its workspace) when missing. */
    void ensureCollection(String ws, String collection, boolean create) throws IOException, ApiError {
        try {
            call("GET", "/v1/orgs/self/ws/" + enc(ws) + "/collections/" + enc(collection), null);
            return;
        } catch (ApiError e) {
            if (e.status() != 404 || !create) {
                throw e.status() == 404 ? new ApiError(404, e.getMessage() + " (add --create to create it)") : e;
            }
        }
        try {
            call("GET", "/v1/orgs/self/ws/" + enc(ws), null);
        } catch (ApiError e) {
            if (e.status() != 404) {
                throw e;
            }
            call("POST", "/v1/orgs/self/ws", mapper.createObjectNode().put("name", ws).toString());
        }
        call("POST", "/v1/orgs/self/ws/" + enc(ws) + "/collections",
                mapper.createObjectNode().put("name", collection).toString());
    }

    /** Adds a batch; returns the per-document statuses. */
    JsonNode add(String ws, String collection, ArrayNode documents) throws IOException, ApiError {
        String body = mapper.writeValueAsString(mapper.createObjectNode().set("data", documents));
        return call("POST", "/v1/orgs/self/ws/" + enc(ws) + "/collections/" + enc(collection) + "/docs", body)
                .path("data");
    }

    private JsonNode call(String method, String path, String body) throws IOException, ApiError {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "ApiKey " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        long wait = 250;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IOException e) {
                throw new IOException("cannot reach " + base + ": " + e.getMessage(), e);
            }
            int status = r.statusCode();
            if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
                sleep(wait);
                wait = Math.min(wait * 2, 8_000);
                continue;
            }
            JsonNode json;
            try {
                json = r.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(r.body());
            } catch (IOException e) {
                throw new ApiError(status, base + " did not answer with JSON (HTTP " + status + ")");
            }
            if (status / 100 != 2) {
                throw new ApiError(status, json.path("message").asText("HTTP " + status));
            }
            return json;
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
