package quarry.server.http;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import quarry.server.query.QueryService;

/**
 * How to start a {@link QuarryServer}.
 *
 * @param host        the address to bind; {@code 127.0.0.1} unless told otherwise
 * @param port        the port, or 0 for any free port
 * @param dataDir     the data dir, or null for an in-memory database (gone when the server stops)
 * @param apiKeys     keys to accept; with a data dir they are stored (as SHA-256) and kept
 * @param memoryKey   a key accepted by this process only and never stored (the embedded server's), or null
 * @param limits      query time limits and result retention
 * @param log         where the request log and start-up lines go
 * @param traffic     optional 429 limits (rate, concurrent queries); none by default
 * @param tls         the certificate to serve https with, or null for plain http
 */
public record ServerConfig(String host, int port, Path dataDir, List<String> apiKeys, String memoryKey,
        QueryService.Limits limits, PrintStream log, TrafficLimits traffic, TlsConfig tls) {

    /** The configuration without traffic limits and TLS, as before those existed. */
    public ServerConfig(String host, int port, Path dataDir, List<String> apiKeys, String memoryKey,
            QueryService.Limits limits, PrintStream log) {
        this(host, port, dataDir, apiKeys, memoryKey, limits, log, null, null);
    }

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        limits = limits == null ? QueryService.Limits.defaults() : limits;
        log = log == null ? System.out : log;
        traffic = traffic == null ? TrafficLimits.none() : traffic;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
    }

    /** Loopback, any free port, in memory, no keys, default limits, log to stdout. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 0, null, List.of(), null, null, System.out);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, dataDir, apiKeys, memoryKey, limits, log, traffic, tls);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, dataDir, apiKeys, memoryKey, limits, log, traffic, tls);
    }

    public ServerConfig withDataDir(Path d) {
        return new ServerConfig(host, port, d, apiKeys, memoryKey, limits, log, traffic, tls);
    }

    public ServerConfig withApiKeys(List<String> keys) {
        return new ServerConfig(host, port, dataDir, keys, memoryKey, limits, log, traffic, tls);
    }

    public ServerConfig withMemoryKey(String key) {
        return new ServerConfig(host, port, dataDir, apiKeys, key, limits, log, traffic, tls);
    }

    public ServerConfig withLimits(QueryService.Limits l) {
        return new ServerConfig(host, port, dataDir, apiKeys, memoryKey, l, log, traffic, tls);
    }

    public ServerConfig withLog(PrintStream stream) {
        return new ServerConfig(host, port, dataDir, apiKeys, memoryKey, limits, stream, traffic, tls);
    }

    public ServerConfig withTraffic(TrafficLimits t) {
        return new ServerConfig(host, port, dataDir, apiKeys, memoryKey, limits, log, t, tls);
    }

    public ServerConfig withTls(TlsConfig t) {
        return new ServerConfig(host, port, dataDir, apiKeys, memoryKey, limits, log, traffic, t);
    }
}
