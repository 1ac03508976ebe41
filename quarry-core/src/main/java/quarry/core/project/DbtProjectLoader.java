package quarry.core.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import quarry.core.Diagnostics;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;

/**
 * Reads a {@code dbt_project.yml} (and the project's {@code vars.yml}), renders its Jinja values and
 * warns about keys dbt does not know, with a "did you mean".
 */
public final class DbtProjectLoader {

    public static final String FILE = "dbt_project.yml";

    static final Set<String> KNOWN_KEYS = Set.of(
            "name", "version", "config-version", "profile", "model-paths", "seed-paths", "test-paths",
            "analysis-paths", "macro-paths", "snapshot-paths", "docs-paths", "asset-paths", "function-paths",
            "target-path", "log-path", "packages-install-path", "clean-targets", "require-dbt-version",
            "quoting", "on-run-start", "on-run-end", "dispatch", "vars", "flags", "query-comment",
            "restrict-access", "dbt-cloud", "models", "seeds", "snapshots", "analyses", "sources",
            "data_tests", "tests", "unit_tests", "metrics", "semantic_models", "saved_queries", "exposures",
            "functions", "source-paths", "data-paths", "modules-path");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The resource config trees, whose values may also use the target (see {@link DeferredValue}). */
    private static final Set<String> CONFIG_TREES = Set.of("models", "seeds", "snapshots", "analyses", "sources",
            "data_tests", "tests", "unit_tests", "exposures", "metrics", "semantic_models", "saved_queries", "functions");

    /** Keys whose Jinja is rendered later, when the hook or config runs, never at load time. */
    private static final Set<String> UNRENDERED_KEYS = Set.of(
            "on-run-start", "on-run-end", "pre-hook", "post-hook", "+pre-hook", "+post-hook", "vars",
            "query-comment");

    private final ValueRenderer renderer;
    private final Diagnostics diagnostics;

    public DbtProjectLoader(ValueRenderer renderer, Diagnostics diagnostics) {
        this.renderer = renderer;
        this.diagnostics = diagnostics;
    }

    /** Whether the directory holds a dbt project. */
    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public DbtProject load(Path root) {
        Path file = root.resolve(FILE);
        String display = root.getFileName() == null ? FILE : FILE;
        if (!Files.isRegularFile(file)) {
            throw new ProjectException(SourceLocation.of(file.toString()),
                    "no dbt_project.yml found; run quarry from a dbt project or pass --project-dir");
        }
        Object parsed = YamlReader.read(file, display);
        if (!(parsed instanceof YamlMap raw)) {
            throw new ProjectException(SourceLocation.of(display), "dbt_project.yml must be a mapping of keys");
        }
        for (String key : raw.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                diagnostics.warn(new SourceLocation(display, raw.lineOf(key)),
                        "unknown key '" + key + "' in dbt_project.yml" + Suggestions.didYouMean(key, KNOWN_KEYS));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) renderTree(raw, display, false);

        String name = string(doc, "name", display, raw);
        if (name == null) {
            throw new ProjectException(new SourceLocation(display, 1), "dbt_project.yml has no 'name'");
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new ProjectException(new SourceLocation(display, raw.lineOf("name")),
                    "project name '" + name + "' must be letters, digits and underscores, not starting with a digit");
        }
        Object version = doc.get("version");
        List<String> modelPaths = paths(doc, raw, display, "model-paths", "source-paths", "models");
        List<String> seedPaths = paths(doc, raw, display, "seed-paths", "data-paths", "seeds");
        List<String> testPaths = paths(doc, raw, display, "test-paths", null, "tests");
        List<String> analysisPaths = paths(doc, raw, display, "analysis-paths", null, "analyses");
        List<String> macroPaths = paths(doc, raw, display, "macro-paths", null, "macros");
        List<String> snapshotPaths = paths(doc, raw, display, "snapshot-paths", null, "snapshots");
        List<String> docsPaths;
        if (doc.containsKey("docs-paths")) {
            docsPaths = paths(doc, raw, display, "docs-paths", null, null);
        } else {
            docsPaths = new ArrayList<>();
            for (List<String> l : List.of(modelPaths, seedPaths, testPaths, analysisPaths, macroPaths, snapshotPaths)) {
                docsPaths.addAll(l);
            }
        }
        List<String> assetPaths = paths(doc, raw, display, "asset-paths", null, null);
        String targetPath = Optional.ofNullable(string(doc, "target-path", display, raw)).orElse("target");
        String logPath = Optional.ofNullable(string(doc, "log-path", display, raw)).orElse("logs");
        String packagesPath = Optional.ofNullable(string(doc, "packages-install-path", display, raw))
                .orElse(Optional.ofNullable(string(doc, "modules-path", display, raw)).orElse("dbt_packages"));
        List<String> cleanTargets = doc.containsKey("clean-targets")
                ? stringList(doc.get("clean-targets"), display, raw.lineOf("clean-targets"), "clean-targets")
                : List.of(targetPath);

        Optional<VersionRequirement> requirement = Optional.empty();
        if (doc.get("require-dbt-version") != null) {
            Object req = doc.get("require-dbt-version");
            List<String> entries = req instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(req));
            try {
                requirement = Optional.of(VersionRequirement.parse(entries));
            } catch (IllegalArgumentException e) {
                throw new ProjectException(new SourceLocation(display, raw.lineOf("require-dbt-version")),
                        "require-dbt-version: " + e.getMessage());
            }
        }

        Map<String, Object> vars = new LinkedHashMap<>(map(raw.get("vars"), display, raw.lineOf("vars"), "vars"));
        Path varsFile = root.resolve("vars.yml");
        if (Files.isRegularFile(varsFile)) {
            Object varsDoc = YamlReader.read(varsFile, "vars.yml");
            if (varsDoc instanceof Map<?, ?> m) {
                Object inner = m.containsKey("vars") && m.size() == 1 ? m.get("vars") : m;
                vars.putAll(map(inner, "vars.yml", 1, "vars"));
            } else if (varsDoc != null) {
                throw new ProjectException(new SourceLocation("vars.yml", 1), "vars.yml must be a mapping of variables");
            }
        }

        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        for (String key : List.of("models", "seeds", "snapshots", "analyses", "sources", "data_tests",
                "unit_tests", "exposures", "metrics", "semantic_models", "saved_queries", "functions")) {
            if (doc.get(key) != null) {
                configs.put(key, map(doc.get(key), display, raw.lineOf(key), key));
            }
        }
        if (doc.get("tests") != null) {
            Map<String, Object> tests = new LinkedHashMap<>(map(doc.get("tests"), display, raw.lineOf("tests"), "tests"));
            tests.putAll(configs.getOrDefault("data_tests", Map.of()));
            configs.put("data_tests", tests);
        }

        List<DbtProject.DispatchEntry> dispatch = new ArrayList<>();
        if (doc.get("dispatch") != null) {
            if (!(doc.get("dispatch") instanceof List<?> entries)) {
                throw new ProjectException(new SourceLocation(display, raw.lineOf("dispatch")),
                        "dispatch must be a list of {macro_namespace, search_order}");
            }
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?> m) || !(m.get("macro_namespace") instanceof String ns)
                        || !(m.get("search_order") instanceof List<?> order)) {
                    throw new ProjectException(new SourceLocation(display, YamlMap.lineOf(entry)),
                            "each dispatch entry needs macro_namespace (a string) and search_order (a list)");
                }
                dispatch.add(new DbtProject.DispatchEntry(ns, order.stream().map(String::valueOf).toList()));
            }
        }

        return new DbtProject(root, name, version == null ? null : String.valueOf(version),
                string(doc, "profile", display, raw), modelPaths, seedPaths, testPaths, analysisPaths,
                macroPaths, snapshotPaths, docsPaths, assetPaths, targetPath, logPath, packagesPath, cleanTargets,
                requirement, vars, configs,
                hooks(raw.get("on-run-start")), hooks(raw.get("on-run-end")), dispatch,
                map(doc.get("quoting"), display, raw.lineOf("quoting"), "quoting"),
                map(doc.get("flags"), display, raw.lineOf("flags"), "flags"),
                raw.get("query-comment"));
    }

    private Object renderTree(Object value, String display, boolean skip) {
        return renderTree(value, display, skip, false, true, 0);
    }

    /**
     * Renders the tree's Jinja values; in a config tree ({@code deferrable}) a value that needs
     * more than var() and env_var() becomes a {@link DeferredValue}, rendered with the target later.
     */
    private Object renderTree(Object value, String display, boolean skip, boolean deferrable, boolean top, int line) {
        if (value instanceof YamlMap m) {
            YamlMap out = new YamlMap(m.line());
            for (Map.Entry<String, Object> e : m.entrySet()) {
                boolean skipChild = skip || UNRENDERED_KEYS.contains(e.getKey());
                boolean deferChild = deferrable || top && CONFIG_TREES.contains(e.getKey());
                out.putWithLine(e.getKey(), renderTree(e.getValue(), display, skipChild, deferChild, false,
                        m.lineOf(e.getKey())), m.lineOf(e.getKey()));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object item : l) {
                out.add(renderTree(item, display, skip, deferrable, false, line));
            }
            return out;
        }
        if (!skip && value instanceof String s && !ValueRenderer.isPlain(s)) {
            SourceLocation where = line > 0 ? new SourceLocation(display, line) : SourceLocation.of(display);
            if (deferrable && !renderer.canRender(s)) {
                return new DeferredValue(s, where);
            }
            return renderer.render(s, where);
        }
        return value;
    }

    private static List<String> hooks(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static String string(Map<String, Object> doc, String key, String display, YamlMap raw) {
        Object value = doc.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new ProjectException(new SourceLocation(display, raw.lineOf(key)), "'" + key + "' must be a string");
        }
        return String.valueOf(value);
    }

    private static List<String> paths(Map<String, Object> doc, YamlMap raw, String display, String key,
            String legacyKey, String defaultPath) {
        String used = doc.containsKey(key) ? key : legacyKey != null && doc.containsKey(legacyKey) ? legacyKey : null;
        if (used == null || doc.get(used) == null) {
            return defaultPath == null ? List.of() : List.of(defaultPath);
        }
        return stringList(doc.get(used), display, raw.lineOf(used), key);
    }

    static List<String> stringList(Object value, String display, int line, String key) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (!(value instanceof List<?> l)) {
            throw new ProjectException(new SourceLocation(display, line), "'" + key + "' must be a list of strings");
        }
        return l.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String display, int line, String key) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new ProjectException(new SourceLocation(display, line), "'" + key + "' must be a mapping");
        }
        return (Map<String, Object>) value;
    }
}
