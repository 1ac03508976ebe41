package quarry.rockset;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

/**
 * A real quarry-server for one test class: in memory, on a loopback port, with a client, the
 * relation operations and an adapter connection pointed at it. Tests use distinct workspaces.
 */
final class TestServer implements AutoCloseable {

    static final String KEY = "adapterTestKey0123456789abcdefXYZ";

    private final QuarryServer server;
    private final RocksetClient client;
    private final RelationOperations operations;
    private final RocksetConnection connection;

    private TestServer() {
        server = QuarryServer.start(ServerConfig.defaults().withMemoryKey(KEY)
                .withLog(new PrintStream(OutputStream.nullOutputStream())));
        client = new RocksetClient(server.url(), KEY, RetryPolicy.DEFAULT, Duration.ofSeconds(60), "quarry-test");
        operations = new RelationOperations(client, new Poller(Duration.ofSeconds(30), Duration.ofMillis(100)),
                RelationOperations.InsertSettings.DEFAULT);
        connection = new RocksetConnection(client, operations, () -> { });
    }

    static TestServer start() {
        return new TestServer();
    }

    QuarryServer server() {
        return server;
    }

    RocksetClient client() {
        return client;
    }

    RelationOperations operations() {
        return operations;
    }

    RocksetConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        server.close();
    }
}
