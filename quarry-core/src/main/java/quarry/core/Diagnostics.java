package quarry.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The warnings of one invocation (unknown keys, deprecated spellings), each naming its file and line.
 * Thread-safe: parsers running in parallel add to the same instance.
 */
public final class Diagnostics {

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    public void warn(SourceLocation where, String message) {
        warnings.add(where == null ? message : where + ": " + message);
    }

    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }
}
