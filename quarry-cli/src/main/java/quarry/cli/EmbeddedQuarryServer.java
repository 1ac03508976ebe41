package quarry.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import quarry.rockset.EmbeddedServer;
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
            return new Endpoint(server.url(), key, server);
        } catch (DataDirInUseException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
