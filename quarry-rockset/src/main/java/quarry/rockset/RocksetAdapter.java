package quarry.rockset;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import quarry.core.SourceLocation;
import quarry.core.adapter.Adapter;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Credentials;
import quarry.core.adapter.RelationStyle;
import quarry.core.project.ProjectException;

/**
 * The {@code rockset} adapter: profile validation, relation naming and quoting, and its
 * {@code rockset__} macros, and connections to a Rockset API server (in-process by default).
 */
public final class RocksetAdapter implements Adapter {

    static final String USER_AGENT = "quarry";

    /** How long the JVM's exit waits for a server still starting before it stops it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private FutureTask<EmbeddedServer.Endpoint> embedded;
    private Path embeddedDir;

    @Override
    public String type() {
        return RocksetCredentials.TYPE;
    }

    @Override
    public Credentials credentials(Map<String, Object> profileFields) {
        return RocksetCredentials.from(profileFields);
    }

    @Override
    public RelationStyle relationStyle() {
        return RocksetRelation.STYLE;
    }

    @Override
    public String quote(String identifier) {
        return RocksetRelation.quoteColumn(identifier);
    }

    @Override
    public String macroResourceRoot() {
        return "quarry/rockset/macros";
    }

    /**
     * Connects to the profile's server. For {@code api_server: embedded} (the default) the first
     * connection starts quarry-server in-process, with its data in {@code <project>/.quarry/rockset}
     * unless {@code data_dir} says otherwise; later connections share it, and it stops with the JVM.
     */
    @Override
    public synchronized AdapterConnection connect(Credentials credentials, Path projectRoot) {
        RocksetCredentials rockset = (RocksetCredentials) credentials;
        URI url;
        String key;
        if (rockset.apiServer().isEmbedded()) {
            EmbeddedServer.Endpoint endpoint = embedded(rockset, projectRoot);
            url = endpoint.url();
            key = endpoint.apiKey();
        } else {
            url = rockset.apiServer().uri();
            key = rockset.apiKey().orElseThrow();
        }
        RocksetClient client = new RocksetClient(url, key,
                new RetryPolicy(rockset.retries() + 1, Duration.ofMillis(200), Duration.ofSeconds(8)),
                Duration.ofSeconds(140), USER_AGENT);
        RelationOperations operations = new RelationOperations(client, Poller.DEFAULT,
                new RelationOperations.InsertSettings(2_000, rockset.queryTimeoutMs(), rockset.viRrn().orElse(null)));
        return new RocksetConnection(client, operations, () -> { });
    }

    /**
     * For {@code api_server: embedded}: starts the server on a background thread, so that DuckDB
     * and Jetty open while the caller parses the project; the next {@link #connect} waits for it
     * and reports its errors as if it had started the server itself. Does nothing for a remote
     * server, or when the server is already started or starting.
     */
    public synchronized void startInBackground(Credentials credentials, Path projectRoot) {
        RocksetCredentials rockset = (RocksetCredentials) credentials;
        if (!rockset.apiServer().isEmbedded() || embedded != null) {
            return;
        }
        Path dataDir = rockset.embeddedDataDir(projectRoot);
        embedded = begin(dataDir);
        embeddedDir = dataDir;
        Thread thread = new Thread(embedded, "quarry-embedded-server-start");
        thread.setDaemon(true);
        thread.start();
    }

    private EmbeddedServer.Endpoint embedded(RocksetCredentials credentials, Path projectRoot) {
        Path dataDir = credentials.embeddedDataDir(projectRoot);
        if (embedded == null || !embeddedDir.equals(dataDir)) {
            embedded = begin(dataDir);
            embeddedDir = dataDir;
            embedded.run();
        }
        try {
            return embedded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedded server was starting", e);
        } catch (ExecutionException e) {
            embedded = null; // the next connection tries again
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The start of the server in {@code dataDir}, not yet run; the JVM's exit waits for it (a
     * bounded time) and stops the server, so that a start still under way when the command ends
     * (a parse error, say) leaves no half-open data dir.
     */
    private static FutureTask<EmbeddedServer.Endpoint> begin(Path dataDir) {
        FutureTask<EmbeddedServer.Endpoint> start = new FutureTask<>(() -> launch(dataDir));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                start.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS).stopper().close();
            } catch (Exception e) {
                // it did not start (its error went to the connection), or the JVM is exiting;
                // the server's own close already flushed what it could
            }
        }, "quarry-embedded-server-stop"));
        return start;
    }

    private static EmbeddedServer.Endpoint launch(Path dataDir) {
        EmbeddedServer launcher = ServiceLoader.load(EmbeddedServer.class, RocksetAdapter.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new ProjectException(SourceLocation.of("profiles.yml"), "api_server: embedded needs"
                        + " quarry-server on the classpath; run Quarry from its jar, or point api_server at a server"));
        try {
            return launcher.start(dataDir);
        } catch (IllegalStateException e) {
            throw new ProjectException(SourceLocation.of("profiles.yml"), e.getMessage()
                    + "; if a `quarry server` holds this data dir, point api_server at it (for example"
                    + " api_server: http://127.0.0.1:3030) and give its api_key");
        }
    }
}
