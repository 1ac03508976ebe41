package quarry.core.parse;

import java.util.List;
import java.util.Map;
import quarry.core.manifest.RefCall;

/**
 * Renders a file that the static shortcut cannot read with dbt's parse-time context
 * ({@code execute} false, {@code ref} and {@code source} recorded) and returns what it called.
 */
public interface ParseRenderer {

    Capture capture(NodeDraft node);

    /** What rendering a node at parse time recorded. */
    record Capture(List<RefCall> refs, List<List<String>> sources, Map<String, Object> config, List<String> macros) {
        public Capture {
            refs = List.copyOf(refs);
            sources = sources.stream().map(List::copyOf).toList();
            macros = List.copyOf(macros);
        }
    }
}
