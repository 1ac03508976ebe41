package quarry.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import quarry.core.session.Session;
import quarry.rockset.EmbeddedServer;
import quarry.rockset.RocksetAdapter;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;
import quarry.server.store.DataDirInUseException;

/**
 * Starts quarry-server in this process for {@code api_server: embedded}: loopback, any free port,
 * a fresh key that lives only in memory, the project's data dir. Wired here because the CLI is the
 * one module that may depend on both the adapter and the server.
 */
public final class EmbeddedQuarryServer implements EmbeddedServer {

    private final SecureRandom random = new SecureRandom();

    /**
     * When the session's profile uses the embedded server, starts it on a background thread, so
     * that DuckDB and Jetty open while the command parses the project (docs/performance.md); the
     * command's connection then waits for it.
     */
    static void startWhileParsing(Session session) {
        if (session.adapter() instanceof RocksetAdapter rockset) {
            rockset.startInBackground(session.credentials(), session.root().root());
        }
    }

    @Override
    public Endpoint start(Path dataDir) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        try {
            QuarryServer server = QuarryServer.start(ServerConfig.defaults()
                    .withDataDir(dataDir)
                    .withMemoryKey(key)
                    .withLog(new PrintStream(OutputStream.nullOutputStream())));
            return new Endpoint(server.url(), key, server::closePromptly);
        } catch (DataDirInUseException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
