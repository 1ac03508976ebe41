package quarry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.server.store.DataDirInUseException;
import quarry.server.store.Database;

/**
 * A server in a child process is killed with SIGKILL during a stream of acknowledged writes; after
 * a restart every acknowledged {@code _id} is there.
 */
class CrashRecoveryTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private static Process startChild(Path dataDir, Path portFile) throws Exception {
        Files.deleteIfExists(portFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildServerMain.class.getName(), dataDir.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolveSibling("child.log").toFile()).start();
        for (int i = 0; i < 600 && !Files.exists(portFile); i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("child server died: " + Files.readString(dataDir.resolveSibling("child.log")));
            }
            Thread.sleep(50);
        }
        return p;
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "ApiKey " + RunningServer.KEY).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        Path portFile = tmp.resolve("port");
        Process child = startChild(dataDir, portFile);
        int port = Integer.parseInt(Files.readString(portFile));
        assertThat(post(port, "/v1/orgs/self/ws/commons/collections", "{\"name\":\"crash\"}").statusCode())
                .isEqualTo(200);

        assertThatThrownBy(() -> Database.open(dataDir)).isInstanceOf(DataDirInUseException.class)
                .hasMessageContaining(dataDir.toAbsolutePath().toString());

        Set<String> acknowledged = new HashSet<>();
        Thread writer = new Thread(() -> {
            for (int batch = 0; ; batch++) {
                StringBuilder body = new StringBuilder("{\"data\":[");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String id = "b" + batch + "-" + i;
                    ids.add(id);
                    body.append(i == 0 ? "" : ",").append("{\"_id\":\"").append(id).append("\",\"v\":").append(i)
                            .append('}');
                }
                try {
                    HttpResponse<String> r = post(port, "/v1/orgs/self/ws/commons/collections/crash/docs",
                            body.append("]}").toString());
                    if (r.statusCode() != 200) {
                        return;
                    }
                    synchronized (acknowledged) {
                        acknowledged.addAll(ids);
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        writer.start();
        for (int i = 0; i < 400; i++) {
            synchronized (acknowledged) {
                if (acknowledged.size() >= 2000) {
                    break;
                }
            }
            Thread.sleep(10);
        }
        child.destroyForcibly(); // SIGKILL
        child.waitFor();
        writer.join(30_000);
        assertThat(acknowledged).isNotEmpty();

        Process restarted = startChild(dataDir, portFile);
        try {
            int port2 = Integer.parseInt(Files.readString(portFile));
            HttpResponse<String> r = post(port2, "/v1/orgs/self/queries",
                    "{\"sql\":{\"query\":\"SELECT _id FROM crash\"}}");
            assertThat(r.statusCode()).isEqualTo(200);
            Set<String> stored = new HashSet<>();
            for (JsonNode row : mapper.readTree(r.body()).path("results")) {
                stored.add(row.path("_id").asText());
            }
            assertThat(stored).containsAll(acknowledged);
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    @Test
    void sigtermFinishesAndClosesTheDatabaseCleanly(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        Path portFile = tmp.resolve("port");
        Process child = startChild(dataDir, portFile);
        int port = Integer.parseInt(Files.readString(portFile));
        post(port, "/v1/orgs/self/ws/commons/collections", "{\"name\":\"term\"}");
        assertThat(post(port, "/v1/orgs/self/ws/commons/collections/term/docs",
                "{\"data\":[{\"_id\":\"kept\"}]}").statusCode()).isEqualTo(200);
        child.destroy(); // SIGTERM
        assertThat(child.waitFor()).isNotEqualTo(137);
        assertThat(Files.exists(dataDir.resolve("quarry.duckdb.wal"))).isFalse();
        Process restarted = startChild(dataDir, portFile);
        try {
            int port2 = Integer.parseInt(Files.readString(portFile));
            HttpResponse<String> r = post(port2, "/v1/orgs/self/queries",
                    "{\"sql\":{\"query\":\"SELECT _id FROM term\"}}");
            assertThat(r.body()).contains("\"_id\":\"kept\"");
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }
}
