package quarry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import quarry.server.http.ServerConfig;
import quarry.server.http.TlsConfig;
import quarry.server.http.TrafficLimits;

/**
 * The {@code quarry server} options for TLS and for the optional 429 limits (docs/server-completeness.md),
 * mixed into {@link ServerCommand}.
 */
final class ServerTrafficOptions {

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Serve https with this PEM certificate (chain); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM",
            description = "The unencrypted PEM private key (PKCS#8, or PKCS#1 RSA) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve https with the key in this PKCS#12 (or .jks) keystore instead of PEM files.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password-env", paramLabel = "VAR", defaultValue = "QUARRY_TLS_KEYSTORE_PASSWORD",
            description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE}).")
    String keystorePasswordVariable;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "0",
            description = "Answer 429 RATELIMITEXCEEDED past this many API requests per second (default: off).")
    double rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "0",
            description = "Requests admitted at once before --rate-limit applies (default: one second's worth).")
    int rateBurst;

    @Option(names = "--max-concurrent-queries", paramLabel = "N", defaultValue = "0",
            description = "Run at most N queries at once; more wait in the queue (default: no limit).")
    int maxConcurrentQueries;

    @Option(names = "--query-queue", paramLabel = "N", defaultValue = "100",
            description = "Queries that may wait for a slot before 429 (default: ${DEFAULT-VALUE}).")
    int queryQueue;

    /** The configuration with these options applied; IllegalArgumentException for a bad combination. */
    ServerConfig apply(ServerConfig config) {
        int burst = rateBurst > 0 ? rateBurst : (int) Math.max(1, Math.ceil(rateLimit));
        ServerConfig out = config.withTraffic(new TrafficLimits(rateLimit, burst, maxConcurrentQueries, queryQueue));
        if (tlsKeystore != null) {
            if (tlsCert != null || tlsKey != null) {
                throw new IllegalArgumentException("use either --tls-keystore or --tls-cert with --tls-key, not both");
            }
            return out.withTls(TlsConfig.keystore(tlsKeystore, System.getenv(keystorePasswordVariable)));
        }
        if (tlsCert != null || tlsKey != null) {
            return out.withTls(TlsConfig.pem(tlsCert, tlsKey));
        }
        return out;
    }
}
