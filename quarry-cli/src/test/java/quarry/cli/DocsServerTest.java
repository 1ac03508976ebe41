package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(DocsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSiteAndItsArtifactsAndNothingOutsideTheFolder(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("index.html"), "<html>docs</html>");
        Files.writeString(target.resolve("catalog.json"), "{\"nodes\":{}}");
        Files.writeString(dir.resolve("profiles.yml"), "secret");
        try (DocsServer server = DocsServer.start(target, "127.0.0.1", 0)) {
            HttpResponse<String> index = get(server, "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo("<html>docs</html>");
            assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            HttpResponse<String> catalog = get(server, "/catalog.json");
            assertThat(catalog.body()).isEqualTo("{\"nodes\":{}}");
            assertThat(catalog.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(get(server, "/../profiles.yml").statusCode()).isEqualTo(404);
            assertThat(get(server, "/%2e%2e/profiles.yml").statusCode()).isEqualTo(404);
            assertThat(get(server, "/missing.json").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void serveWithoutAGeneratedSiteSaysToGenerateItFirst(@TempDir Path dir) {
        try (CliProject project = new CliProject(dir, "srv")) {
            CliProject.Outcome outcome = project.quarry("docs", "serve", "--port", "0");
            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("run `quarry docs generate` first");
        }
    }
}
