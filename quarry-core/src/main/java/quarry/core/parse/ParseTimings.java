package quarry.core.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each phase of a parse took, in seconds: what dbt writes to {@code target/perf_info.json}. */
public final class ParseTimings {

    private final Map<String, Double> phases = Collections.synchronizedMap(new LinkedHashMap<>());
    private long last = System.nanoTime();
    private final long start = last;

    /** Records the time since the previous mark under {@code phase}. */
    public synchronized void mark(String phase) {
        long now = System.nanoTime();
        phases.merge(phase, (now - last) / 1e9, Double::sum);
        last = now;
    }

    public synchronized Map<String, Double> phases() {
        Map<String, Double> out = new LinkedHashMap<>(phases);
        out.put("load_all_elapsed", (last - start) / 1e9);
        return out;
    }
}
