package quarry.cli.acceptance;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import quarry.rockset.Poller;
import quarry.rockset.RelationOperations;
import quarry.rockset.RetryPolicy;
import quarry.rockset.RocksetClient;
import quarry.rockset.RocksetConnection;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

/**
 * One in-memory quarry-server per test class, on a loopback port, and the adapter's own
 * connection to it for the harness's checks (as dbt's harness uses the adapter under test).
 * Register with {@code @RegisterExtension static final AcceptanceServer SERVER = new AcceptanceServer();}.
 */
final class AcceptanceServer implements BeforeAllCallback, AfterAllCallback {

    static final String KEY = "acceptanceTestKey0123456789abcdef";

    private QuarryServer server;
    private Adapter adapter;

    /** The adapter's connection and the relation operations under it, as the harness's checks use them. */
    record Adapter(RocksetConnection connection, RelationOperations operations) {}

    private PrintStream log;

    /** The server's request log goes to {@code target/acceptance-logs/<test class>.log}. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path logs = Path.of("target", "acceptance-logs");
        Files.createDirectories(logs);
        log = new PrintStream(Files.newOutputStream(logs.resolve(context.getRequiredTestClass().getSimpleName() + ".log")),
                true, StandardCharsets.UTF_8);
        server = QuarryServer.start(ServerConfig.defaults().withMemoryKey(KEY).withLog(log));
        adapter = connect(server.url(), KEY);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        if (log != null) {
            log.close();
        }
    }

    URI url() {
        return server.url();
    }

    String key() {
        return KEY;
    }

    /** The adapter's connection to this server. */
    Adapter adapter() {
        return adapter;
    }

    static Adapter connect(URI url, String key) {
        RocksetClient client = new RocksetClient(url, key, RetryPolicy.DEFAULT, Duration.ofSeconds(60), "quarry-acceptance");
        RelationOperations operations = new RelationOperations(client,
                new Poller(Duration.ofSeconds(30), Duration.ofMillis(100)), RelationOperations.InsertSettings.DEFAULT);
        return new Adapter(new RocksetConnection(client, operations, () -> { }), operations);
    }
}
