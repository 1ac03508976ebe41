package quarry.core.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The variables {@code var()} reads, per package, in dbt's order of precedence: {@code --vars} on the
 * command line, then the root project's {@code vars:} scoped to the package, then its global ones,
 * then the package's own {@code vars:}.
 */
public final class Vars {

    private final Map<String, Object> cliVars;
    private final DbtProject root;
    private final Map<String, DbtProject> packages;
    private final Map<String, Map<String, Object>> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final ParseReads reads;

    public Vars(Map<String, Object> cliVars, DbtProject root, Map<String, DbtProject> packages) {
        this(cliVars, root, packages, new ParseReads());
    }

    /** Variables whose lookups are recorded in {@code reads} as {@code var:PACKAGE:NAME}. */
    public Vars(Map<String, Object> cliVars, DbtProject root, Map<String, DbtProject> packages, ParseReads reads) {
        this.cliVars = Collections.unmodifiableMap(new LinkedHashMap<>(cliVars));
        this.root = Objects.requireNonNull(root);
        this.packages = Map.copyOf(packages);
        this.reads = Objects.requireNonNull(reads);
    }

    /** The variables visible to nodes and macros of a package (each lookup recorded for partial parsing). */
    public Map<String, Object> forPackage(String packageName) {
        return cache.computeIfAbsent(packageName, p -> reads.watch(compute(p), "var:" + p + ":"));
    }

    /** The variables of a package as they are, without recording a read. */
    public Map<String, Object> valuesFor(String packageName) {
        return ParseReads.unwatched(forPackage(packageName));
    }

    private Map<String, Object> compute(String packageName) {
        Set<String> packageNames = new java.util.HashSet<>(packages.keySet());
        packageNames.add(root.name());
        Map<String, Object> merged = new LinkedHashMap<>();
        DbtProject own = packages.get(packageName);
        if (own != null && own != root) {
            putGlobals(merged, own.vars(), packageNames);
            scoped(merged, own.vars(), packageName);
        }
        putGlobals(merged, root.vars(), packageNames);
        scoped(merged, root.vars(), packageName);
        merged.putAll(cliVars);
        return Collections.unmodifiableMap(merged);
    }

    private static void putGlobals(Map<String, Object> into, Map<String, Object> vars, Set<String> packageNames) {
        vars.forEach((k, v) -> {
            if (!(packageNames.contains(k) && v instanceof Map)) {
                into.put(k, v);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void scoped(Map<String, Object> into, Map<String, Object> vars, String packageName) {
        if (vars.get(packageName) instanceof Map<?, ?> m) {
            into.putAll((Map<String, Object>) m);
        }
    }

    public Map<String, Object> cliVars() {
        return cliVars;
    }

    /** Parses {@code --vars}: a YAML mapping such as {@code '{a: 1, b: x}'} or {@code 'a: 1'}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseCli(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object parsed = YamlReader.parse(text, "--vars");
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new ProjectException(quarry.core.SourceLocation.of("--vars"),
                    "--vars must be a YAML mapping such as '{key: value}', not '" + text + "'");
        }
        return (Map<String, Object>) m;
    }
}
