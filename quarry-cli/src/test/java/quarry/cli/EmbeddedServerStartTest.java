package quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Credentials;
import quarry.core.adapter.QueryResult;
import quarry.core.project.ProjectException;
import quarry.rockset.RocksetAdapter;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

/** The embedded server started on a background thread while a command parses its project. */
class EmbeddedServerStartTest {

    private final RocksetAdapter adapter = new RocksetAdapter();
    private final Credentials credentials = adapter.credentials(Map.of("type", "rockset", "workspace", "bg"));

    @Test
    void aServerStartedInTheBackgroundServesTheNextConnection(@TempDir Path project) {
        adapter.startInBackground(credentials, project);
        try (AdapterConnection connection = adapter.connect(credentials, project)) {
            QueryResult result = connection.execute("SELECT 41 + 1 AS answer", true);
            assertThat(result.rows()).hasSize(1);
            assertThat(((Number) result.rows().get(0).get(0)).longValue()).isEqualTo(42);
        }
        assertThat(project.resolve(".quarry").resolve("rockset")).isDirectory();
    }

    @Test
    void aHeldDataDirIsReportedByTheConnectionAndTheNextConnectionTriesAgain(@TempDir Path project) {
        ServerConfig holderConfig = ServerConfig.defaults().withDataDir(project.resolve(".quarry").resolve("rockset"))
                .withLog(new PrintStream(OutputStream.nullOutputStream()));
        try (QuarryServer holder = QuarryServer.start(holderConfig)) {
            adapter.startInBackground(credentials, project);
            assertThatThrownBy(() -> adapter.connect(credentials, project))
                    .isInstanceOf(ProjectException.class)
                    .hasMessageContaining("point api_server at it");
        }
        try (AdapterConnection connection = adapter.connect(credentials, project)) {
            assertThat(connection.execute("SELECT 1 AS one", true).rows()).hasSize(1);
        }
    }
}
