package quarry.core.adapter;

import java.util.Map;
import java.util.Set;

/**
 * A profile output validated by its adapter. Gives what the engine needs without knowing the
 * adapter: the database and schema nodes are built in, and the fields {@code target} shows in Jinja.
 * Secrets (API keys, passwords) never appear in {@link #targetFields()} or {@link #toString()}.
 */
public interface Credentials {

    /** The adapter type, e.g. {@code rockset}. */
    String type();

    /** The database nodes are built in ({@code target.database}); adapters without databases give a placeholder. */
    String database();

    /** The schema nodes are built in by default ({@code target.schema}). */
    String schema();

    /** The non-secret fields of the output, adapter-specific ones included, for {@code target} in Jinja. */
    Map<String, Object> targetFields();

    /** The secret values, so that logs and errors can scrub them. */
    Set<String> secrets();

    /**
     * What {@code quarry debug} shows of the output, in order: its non-secret fields, each secret
     * field present as {@code ****}, and anything the adapter derives (such as where an embedded
     * server keeps its data). Never a secret's value.
     */
    default Map<String, Object> describe(java.nio.file.Path projectRoot) {
        return targetFields();
    }
}
