package quarry.rockset;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The in-process quarry-server behind {@code api_server: embedded}. The adapter never depends on
 * the server: quarry-cli provides this service (found with {@link java.util.ServiceLoader}), and
 * the adapter then talks to it over loopback HTTP exactly as to any Rockset endpoint.
 */
public interface EmbeddedServer {

    /** A started server: its loopback URL, the in-memory key it accepts, and how to stop it. */
    record Endpoint(URI url, String apiKey, AutoCloseable stopper) {
        public Endpoint {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(stopper, "stopper");
        }

        @Override
        public String toString() {
            return "Endpoint[" + url + "]";
        }
    }

    /**
     * Starts a server on a loopback port with its data in {@code dataDir} and a fresh in-memory
     * key. Throws {@link IllegalStateException} with a clear message when another process holds
     * the data dir.
     */
    Endpoint start(Path dataDir);
}
