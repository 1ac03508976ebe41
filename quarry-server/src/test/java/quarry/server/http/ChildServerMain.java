package quarry.server.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a server in a child JVM for the crash test: args are the data dir and a file to write the port to. */
public final class ChildServerMain {

    private ChildServerMain() {}

    public static void main(String[] args) throws Exception {
        QuarryServer server = QuarryServer.start(ServerConfig.defaults().withDataDir(Path.of(args[0]))
                .withApiKeys(List.of(RunningServer.KEY)).withLog(new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, Path.of(args[1]), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
