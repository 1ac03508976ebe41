package quarry.core.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The artifacts of an earlier invocation that {@code --state DIR} points at (dbt's "previous
 * state"): its manifest.json, for the {@code state:} selection method and {@code --defer}, its
 * run_results.json when present, for the {@code result:} method, and its sources.json with this
 * project's own (in its target folder) for {@code source_status:}. Read before this invocation
 * writes its own artifacts (the sources.json files when a selection asks for them), so
 * {@code --state target} compares with the last run.
 */
public final class PriorState {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, String> macroSql = new HashMap<>();
    private final Map<String, String> results = new HashMap<>();
    private final boolean hasResults;
    private final Path targetDir;

    private PriorState(Path dir, JsonNode manifest, JsonNode runResults, Path targetDir) {
        this.dir = dir;
        this.targetDir = targetDir;
        for (String section : new String[] {"nodes", "sources", "exposures", "unit_tests", "semantic_models",
            "metrics", "saved_queries"}) {
            manifest.path(section).fields().forEachRemaining(e -> resources.put(e.getKey(), e.getValue()));
        }
        manifest.path("macros").fields().forEachRemaining(e ->
                macroSql.put(e.getKey(), e.getValue().path("macro_sql").asText("")));
        this.hasResults = runResults != null;
        if (runResults != null) {
            for (JsonNode r : runResults.path("results")) {
                results.put(r.path("unique_id").asText(), r.path("status").asText());
            }
        }
    }

    /** Reads the state folder; a folder without manifest.json, or an unreadable one, is an error naming it. */
    public static PriorState read(Path dir) {
        return read(dir, null);
    }

    /** The state folder, and this project's target folder, whose sources.json {@code source_status:} compares with the state's. */
    public static PriorState read(Path dir, Path targetDir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new SelectionException("--state " + dir + ": no manifest.json there; point --state at the target"
                    + " folder of an earlier run (a copy of its manifest.json)");
        }
        try {
            JsonNode m = MAPPER.readTree(manifest.toFile());
            Path runResults = dir.resolve("run_results.json");
            JsonNode r = Files.isRegularFile(runResults) ? MAPPER.readTree(runResults.toFile()) : null;
            return new PriorState(dir, m, r, targetDir);
        } catch (IOException e) {
            throw new SelectionException("--state " + dir + ": cannot read its artifacts: " + e.getMessage());
        }
    }

    public Path dir() {
        return dir;
    }

    /** The earlier manifest's entry of a node, source, exposure or unit test. */
    public Optional<JsonNode> resource(String uniqueId) {
        return Optional.ofNullable(resources.get(uniqueId));
    }

    /** The earlier text of a macro, when the earlier manifest had it. */
    Optional<String> macroSql(String uniqueId) {
        return Optional.ofNullable(macroSql.get(uniqueId));
    }

    /** The status the node had in the earlier run_results.json ({@code success}, {@code error}, {@code fail}, ...). */
    Optional<String> result(String uniqueId) {
        if (!hasResults) {
            throw new SelectionException("the result: method needs run_results.json in --state " + dir);
        }
        return Optional.ofNullable(results.get(uniqueId));
    }

    /**
     * dbt's {@code source_status:fresher}: the sources loaded since the --state run's freshness
     * check. The two sources.json are read only here: a selection without {@code source_status:}
     * does not depend on them.
     */
    java.util.Set<String> fresherSources() {
        FreshnessResults earlier = FreshnessResults.read(dir).orElseThrow(() -> new SelectionException("the source_status: method needs"
                + " sources.json in --state " + dir + " (written by `quarry source freshness` in that run)"));
        Optional<FreshnessResults> current = targetDir == null ? Optional.empty() : FreshnessResults.read(targetDir);
        FreshnessResults now = current.orElseThrow(() -> new SelectionException("the source_status: method"
                + " needs this project's sources.json" + (targetDir == null ? "" : " in " + targetDir)
                + ": run `quarry source freshness` first"));
        return now.fresherThan(earlier);
    }
}
