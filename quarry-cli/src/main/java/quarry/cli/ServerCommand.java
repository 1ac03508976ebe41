package quarry.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quarry.server.http.QuarryServer;
import quarry.server.http.ServerConfig;
import quarry.server.query.QueryService;

/**
 * {@code quarry server}: serves a Rockset-compatible database over HTTP until SIGTERM or Ctrl-C,
 * then finishes in-flight requests and closes the database cleanly. See docs/server.md.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serve a Rockset-compatible database over HTTP.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "3030", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
    private String host;

    @Option(names = "--data-dir", defaultValue = "./rockset-data",
            description = "Directory of the database (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--api-key", description = "An API key to accept (repeatable); also QUARRY_API_KEYS, comma separated.")
    private List<String> apiKeys = new ArrayList<>();

    @Option(names = "--query-timeout-seconds", defaultValue = "120",
            description = "Time limit of synchronous queries (default: ${DEFAULT-VALUE}).")
    private long syncTimeoutSeconds;

    @Option(names = "--async-timeout-seconds", defaultValue = "1800",
            description = "Time limit of async queries (default: ${DEFAULT-VALUE}).")
    private long asyncTimeoutSeconds;

    @Option(names = "--result-retention-hours", defaultValue = "24",
            description = "How long query results stay available (default: ${DEFAULT-VALUE}).")
    private long retentionHours;

    @Mixin
    private ServerTrafficOptions traffic = new ServerTrafficOptions();

    @Override
    public Integer call() {
        List<String> keys = new ArrayList<>(apiKeys);
        String env = System.getenv("QUARRY_API_KEYS");
        if (env != null) {
            for (String k : env.split(",")) {
                if (!k.isBlank()) {
                    keys.add(k.trim());
                }
            }
        }
        if (syncTimeoutSeconds <= 0 || asyncTimeoutSeconds <= 0 || retentionHours <= 0) {
            spec.commandLine().getErr().println("quarry server: time limits and retention must be positive");
            return ExitCode.ERROR;
        }
        ServerConfig config = ServerConfig.defaults().withHost(host).withPort(port).withDataDir(dataDir)
                .withApiKeys(keys).withLimits(new QueryService.Limits(Duration.ofSeconds(syncTimeoutSeconds),
                        Duration.ofSeconds(asyncTimeoutSeconds), Duration.ofHours(retentionHours)));
        QuarryServer server;
        try {
            server = QuarryServer.start(traffic.apply(config));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("quarry server: " + e.getMessage());
            return ExitCode.ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "quarry-server-shutdown"));
        spec.commandLine().getOut().println("quarry server ready at " + server.url() + " (stop with Ctrl-C or SIGTERM)");
        spec.commandLine().getOut().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCode.SUCCESS;
    }
}
