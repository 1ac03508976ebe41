package quarry.rockset;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
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

    private EmbeddedServer.Endpoint embedded;
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

    private EmbeddedServer.Endpoint embedded(RocksetCredentials credentials, Path projectRoot) {
        Path dataDir = credentials.embeddedDataDir(projectRoot);
        if (embedded != null && embeddedDir.equals(dataDir)) {
            return embedded;
        }
        EmbeddedServer launcher = ServiceLoader.load(EmbeddedServer.class, RocksetAdapter.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new ProjectException(SourceLocation.of("profiles.yml"), "api_server: embedded needs"
                        + " quarry-server on the classpath; run Quarry from its jar, or point api_server at a server"));
        try {
            embedded = launcher.start(dataDir);
        } catch (IllegalStateException e) {
            throw new ProjectException(SourceLocation.of("profiles.yml"), e.getMessage()
                    + "; if a `quarry server` holds this data dir, point api_server at it (for example"
                    + " api_server: http://127.0.0.1:3030) and give its api_key");
        }
        embeddedDir = dataDir;
        EmbeddedServer.Endpoint started = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.stopper().close();
            } catch (Exception e) {
                // the JVM is exiting; the server's own close already flushed what it could
            }
        }, "quarry-embedded-server-stop"));
        return embedded;
    }
}
