package quarry.core.session;

import java.util.Objects;
import quarry.core.graph.Dag;
import quarry.core.manifest.Manifest;

/** A parsed project: its manifest and the dependency graph over it. */
public record ParseResult(Manifest manifest, Dag dag) {
    public ParseResult {
        Objects.requireNonNull(manifest);
        Objects.requireNonNull(dag);
    }
}
