package quarry.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A real server on a loopback port for a test class, and a raw java.net.http client for it. */
final class RunningServer implements AutoCloseable {

    static final String KEY = "testKey0123456789testKey0123456789testKey0123456789testKey012345";

    /** A response: status and parsed JSON body. */
    record Reply(int status, JsonNode body, String text) {}

    final QuarryServer server;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    RunningServer(Path dataDir) {
        ServerConfig config = ServerConfig.defaults().withDataDir(dataDir).withApiKeys(java.util.List.of(KEY))
                .withLog(new PrintStream(log, true, StandardCharsets.UTF_8));
        server = QuarryServer.start(config);
    }

    RunningServer() {
        this(null);
    }

    String url() {
        return server.url().toString();
    }

    String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    Reply send(String method, String path, String body) {
        return send(method, path, body, "ApiKey " + KEY);
    }

    Reply send(String method, String path, String body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type",
                "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? null : mapper.readTree(r.body());
            return new Reply(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply query(String sql) {
        return send("POST", "/v1/orgs/self/queries", "{\"sql\":{\"query\":" + quote(sql) + "}}");
    }

    static String quote(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
