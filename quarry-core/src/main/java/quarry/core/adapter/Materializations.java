package quarry.core.adapter;

import java.util.Set;

/**
 * The materializations an adapter's connection builds itself, in Java, rather than through Jinja
 * materialization macros. An {@link AdapterConnection} that implements this interface is asked to
 * build every node whose materialization it {@link #supported() supports}; the engine reports any
 * other materialization as unsupported.
 */
public interface Materializations {

    /** The materialization names this adapter builds, e.g. {@code view}, {@code table}, {@code seed}. */
    Set<String> supported();

    /** Builds one node; a failure throws an exception whose message is the server's. */
    BuildResult build(BuildRequest request);
}
