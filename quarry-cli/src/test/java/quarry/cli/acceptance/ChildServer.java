package quarry.cli.acceptance;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;

/**
 * A quarry-server in a JVM of its own, so that a test can kill it with SIGKILL:
 * {@code ChildServer <data dir> <port> <api key>} prints {@code READY <url>} once it serves, then
 * runs until it is killed.
 */
public final class ChildServer {

    private ChildServer() {}

    public static void main(String[] args) throws InterruptedException {
        QuarryServer server = QuarryServer.start(ServerConfig.defaults()
                .withDataDir(Path.of(args[0]))
                .withPort(Integer.parseInt(args[1]))
                .withApiKeys(List.of(args[2]))
                .withLog(new PrintStream(OutputStream.nullOutputStream())));
        System.out.println("READY " + server.url());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
