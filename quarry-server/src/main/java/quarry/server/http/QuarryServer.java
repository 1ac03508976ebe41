package quarry.server.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import quarry.server.query.QueryService;
import quarry.server.store.ApiKeyStore;
import quarry.server.store.Database;
import quarry.server.store.DocumentStore;
import quarry.server.store.LambdaStore;
import quarry.server.store.MetadataStore;
import quarry.server.store.RetentionPurger;

/**
 * A running Rockset-compatible server: Jetty on one port in front of one DuckDB database. The
 * library entry point is {@link #start(ServerConfig)}; {@link #close()} finishes in-flight
 * requests, then closes DuckDB cleanly. See docs/server.md.
 */
public final class QuarryServer implements AutoCloseable {

    /** The file, in the data dir, holding a key generated at first start. */
    public static final String GENERATED_KEY_FILE = "api-key";

    /** How often documents past their collection's retention_secs are purged. */
    static final java.time.Duration RETENTION_PURGE_INTERVAL = java.time.Duration.ofSeconds(60);

    /** How long {@link #closePromptly()} leaves an idle client connection open. */
    private static final long PROMPT_SHUTDOWN_IDLE_MS = 10;

    private final Server jetty;
    private final Database database;
    private final QueryService queries;
    private final RetentionPurger retention;
    private final URI url;
    private boolean closed;

    private QuarryServer(Server jetty, Database database, QueryService queries, RetentionPurger retention, URI url) {
        this.jetty = jetty;
        this.database = database;
        this.queries = queries;
        this.retention = retention;
        this.url = url;
    }

    /** Opens the data dir, binds the port and serves; fails with a clear message if either is taken. */
    public static QuarryServer start(ServerConfig config) {
        Objects.requireNonNull(config, "config");
        // the fast double parser gives the same, correctly rounded values as Double.parseDouble at a
        // fraction of its cost (a third of the Write API's parse of float-heavy documents)
        ObjectMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
        Database database = Database.open(config.dataDir());
        QueryService queries = null;
        try {
            ApiKeyStore keys = new ApiKeyStore(database);
            setUpKeys(config, keys);
            MetadataStore metadata = new MetadataStore(database);
            DocumentStore documents = new DocumentStore(database, metadata, mapper);
            queries = new QueryService(database, metadata, documents, mapper, config.limits());
            List<Route> routes = new ArrayList<>();
            routes.addAll(new MetadataRoutes(metadata, mapper).routes());
            routes.addAll(new DocumentRoutes(metadata, documents, mapper, queries.ingest()).routes());
            routes.addAll(new QueryRoutes(queries).routes());
            routes.addAll(new UploadRoutes(metadata, queries.ingest(), mapper).routes());
            routes.addAll(new LambdaRoutes(new LambdaStore(database, metadata, mapper), metadata, queries, mapper)
                    .routes());
            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("quarry-http");
            threads.setDaemon(true);
            Server jetty = new Server(threads);
            ServerConnector connector = config.tls() == null ? new ServerConnector(jetty) : config.tls().connector(jetty);
            connector.setHost(config.host());
            connector.setPort(config.port());
            jetty.addConnector(connector);
            GracefulHandler graceful = new GracefulHandler();
            graceful.setHandler(new TrafficGate(config.traffic(), mapper, config.log(),
                    new ApiHandler(routes, keys::isValid, mapper, config.log())));
            jetty.setHandler(graceful);
            jetty.setStopTimeout(30_000);
            jetty.start();
            String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
            URI url = URI.create((config.tls() == null ? "http://" : "https://") + host + ":" + connector.getLocalPort());
            config.log().println("quarry server listening on " + url
                    + (config.dataDir() == null ? " (in memory)" : " with data dir " + database.dataDir()));
            return new QuarryServer(jetty, database, queries,
                    new RetentionPurger(database, metadata, RETENTION_PURGE_INTERVAL), url);
        } catch (Exception e) {
            if (queries != null) {
                queries.close();
            }
            database.close();
            if (e instanceof java.io.IOException && e.getCause() instanceof java.net.BindException
                    || e instanceof java.net.BindException) {
                throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                        + e.getMessage(), e);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot start the server on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void setUpKeys(ServerConfig config, ApiKeyStore keys) throws IOException {
        for (String key : config.apiKeys()) {
            if (config.dataDir() == null) {
                keys.addInMemory(key);
            } else {
                keys.add(key);
            }
        }
        if (config.memoryKey() != null) {
            keys.addInMemory(config.memoryKey());
        }
        if (config.dataDir() != null && config.apiKeys().isEmpty() && config.memoryKey() == null
                && !keys.hasStoredKeys()) {
            String key = ApiKeyStore.generate();
            Path file = config.dataDir().toAbsolutePath().normalize().resolve(GENERATED_KEY_FILE);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8);
            keys.add(key);
            config.log().println("generated an API key; it is in " + file);
        }
    }

    /** The base URL clients use as {@code apiServer}, e.g. {@code http://127.0.0.1:3030}. */
    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    /**
     * Stops as {@link #close()} does, for a server whose clients are done (the embedded server at
     * the end of a command): their idle keep-alive connections are closed at once instead of after
     * Jetty's shutdown idle timeout (a second, the better part of a short command's exit).
     */
    public synchronized void closePromptly() {
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setShutdownIdleTimeout(PROMPT_SHUTDOWN_IDLE_MS);
            }
        }
        close();
    }

    /** Stops accepting requests, lets in-flight ones finish, closes DuckDB and releases the data dir. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // closing the database matters more
        }
        retention.close();
        queries.close();
        database.close();
    }
}
