package quarry.core.select;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import quarry.core.Suggestions;
import quarry.core.graph.Dag;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.ResourceType;

/**
 * dbt's node selection: {@code --select} and {@code --exclude} expressions (space for union, comma for
 * intersection, graph operators {@code +}, {@code N+}, {@code @}) and named selectors, then eager
 * indirect selection of tests (data tests and unit tests) whose parents were selected.
 */
public final class NodeSelector {

    static final List<String> METHODS = List.of("fqn", "tag", "path", "file", "package", "config", "resource_type",
            "source", "exposure", "test_type", "test_name", "access", "group", "version", "selector", "unit_test",
            "state", "result", "source_status");

    private final Manifest manifest;
    private final Dag dag;
    private final Map<String, Selectable> all = new LinkedHashMap<>();
    private final Map<String, Object> selectors;
    private final StateComparison state;

    public NodeSelector(Manifest manifest, Dag dag, Map<String, Object> selectors) {
        this(manifest, dag, selectors, java.util.Optional.empty());
    }

    /** With the artifacts of an earlier run ({@code --state}) for the {@code state:} and {@code result:} methods. */
    public NodeSelector(Manifest manifest, Dag dag, Map<String, Object> selectors, java.util.Optional<PriorState> state) {
        this.manifest = manifest;
        this.dag = dag;
        this.selectors = selectors;
        this.state = state.map(s -> new StateComparison(s, manifest)).orElse(null);
        manifest.nodes().values().forEach(n -> all.put(n.uniqueId(), Selectable.of(n)));
        manifest.sources().values().forEach(s -> all.put(s.uniqueId(), Selectable.of(s)));
        manifest.exposures().values().forEach(e -> all.put(e.uniqueId(), Selectable.of(e)));
        manifest.unitTests().values().forEach(u -> all.put(u.uniqueId(), Selectable.of(u.asNode())));
    }

    /** dbt's {@code --indirect-selection}: which data and unit tests come with the nodes they test. */
    public enum IndirectSelection {
        /** a test whose parents include a selected node (dbt's default) */
        EAGER,
        /** a test whose parents are all selected */
        CAUTIOUS,
        /** a test whose parents are all selected or upstream of a selected node */
        BUILDABLE,
        /** no test that was not selected itself */
        EMPTY;

        public static IndirectSelection of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SelectionException("--indirect-selection must be eager, cautious, buildable or empty, not '"
                        + name + "'");
            }
        }
    }

    /** {@link #select(List, List, String, IndirectSelection)} with dbt's default, eager. */
    public Set<String> select(List<String> select, List<String> exclude, String selectorName) {
        return select(select, exclude, selectorName, IndirectSelection.EAGER);
    }

    /**
     * The selected unique ids. An empty {@code select} means everything; tests are added by the
     * indirect selection mode; then {@code exclude} is removed, with the tests that mode attaches
     * to it (excluding a model excludes its tests, as in dbt).
     */
    public Set<String> select(List<String> select, List<String> exclude, String selectorName, IndirectSelection indirect) {
        Set<String> chosen;
        if (selectorName != null) {
            chosen = new SelectorDefinitions(selectors, this).evaluate(selectorName);
        } else if (select.isEmpty()) {
            Set<String> defaults = SelectorDefinitions.defaultSelector(selectors).map(d ->
                    new SelectorDefinitions(selectors, this).evaluate(d)).orElse(null);
            chosen = defaults != null ? defaults : new LinkedHashSet<>(all.keySet());
        } else {
            chosen = expression(select);
        }
        Set<String> withTests = addTests(chosen, indirect);
        if (!exclude.isEmpty()) {
            withTests.removeAll(addTests(expression(exclude), indirect));
        }
        return withTests;
    }

    private Set<String> addTests(Set<String> chosen, IndirectSelection indirect) {
        Set<String> out = new LinkedHashSet<>(chosen);
        if (indirect == IndirectSelection.EMPTY) {
            return out;
        }
        Set<String> upstream = null;
        for (Selectable s : all.values()) {
            if ((s.type() != ResourceType.TEST && s.type() != ResourceType.UNIT_TEST) || out.contains(s.uniqueId())) {
                continue;
            }
            List<String> parents = dag.parents(s.uniqueId());
            boolean add = switch (indirect) {
                case EAGER -> parents.stream().anyMatch(chosen::contains);
                case CAUTIOUS -> !parents.isEmpty() && chosen.containsAll(parents);
                case BUILDABLE -> {
                    if (upstream == null) {
                        upstream = new java.util.HashSet<>(chosen);
                        for (String id : chosen) {
                            upstream.addAll(dag.ancestors(id, -1));
                        }
                    }
                    yield !parents.isEmpty() && parents.stream().anyMatch(chosen::contains)
                            && upstream.containsAll(parents);
                }
                case EMPTY -> false;
            };
            if (add) {
                out.add(s.uniqueId());
            }
        }
        return out;
    }

    /** Union of space-separated parts, each an intersection of comma-separated atoms. */
    Set<String> expression(List<String> args) {
        Set<String> union = new LinkedHashSet<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                Set<String> intersection = null;
                for (String atom : part.split(",")) {
                    Set<String> one = atom(SelectionCriteria.parse(atom));
                    if (intersection == null) {
                        intersection = one;
                    } else {
                        intersection.retainAll(one);
                    }
                }
                union.addAll(intersection);
            }
        }
        return union;
    }

    Set<String> atom(SelectionCriteria c) {
        Set<String> direct = new LinkedHashSet<>();
        if (c.method().equals("selector")) {
            direct.addAll(new SelectorDefinitions(selectors, this).evaluate(c.value()));
        } else {
            Matcher matcher = matcher(c.method(), c.value());
            for (Selectable s : all.values()) {
                if (matcher.matches(s)) {
                    direct.add(s.uniqueId());
                }
            }
        }
        return withGraph(direct, c.parentsDepth(), c.childrenDepth(), c.childrensParents());
    }

    Set<String> withGraph(Set<String> direct, int parentsDepth, int childrenDepth, boolean childrensParents) {
        Set<String> out = new LinkedHashSet<>(direct);
        for (String id : direct) {
            if (parentsDepth >= 0) {
                out.addAll(dag.ancestors(id, parentsDepth == 0 ? -1 : parentsDepth));
            }
            if (childrenDepth >= 0 || childrensParents) {
                Set<String> kids = dag.descendants(id, childrenDepth <= 0 ? -1 : childrenDepth);
                out.addAll(kids);
                if (childrensParents) {
                    for (String kid : kids) {
                        out.addAll(dag.ancestors(kid, -1));
                    }
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    interface Matcher {
        boolean matches(Selectable s);
    }

    private Matcher matcher(String method, String value) {
        String base = method.contains(".") ? method.substring(0, method.indexOf('.')) : method;
        return switch (base) {
            case "fqn" -> s -> s.type() != ResourceType.SOURCE && s.type() != ResourceType.EXPOSURE && fqnMatches(s, value);
            case "tag" -> s -> s.tags().stream().anyMatch(t -> glob(value).matcher(t).matches());
            case "path" -> pathMatcher(value);
            case "file" -> s -> {
                String file = s.originalFilePath().substring(s.originalFilePath().lastIndexOf('/') + 1);
                return glob(value).matcher(file).matches() || glob(value).matcher(file.replaceAll("\\.[^.]*$", "")).matches();
            };
            case "package" -> s -> glob(value).matcher(s.packageName()).matches();
            case "resource_type" -> {
                ResourceType type;
                try {
                    type = ResourceType.fromDbtName(value);
                } catch (IllegalArgumentException e) {
                    throw new SelectionException("unknown resource_type '" + value + "'" + Suggestions.didYouMean(value,
                            java.util.Arrays.stream(ResourceType.values()).map(ResourceType::dbtName).toList()));
                }
                yield s -> s.type() == type;
            }
            case "source" -> s -> s.source() != null && sourceMatches(s, value);
            case "exposure" -> s -> s.type() == ResourceType.EXPOSURE && glob(value).matcher(s.name()).matches();
            case "test_type" -> switch (value) {
                case "generic", "schema" -> s -> s.node() != null && s.node().testMetadata() != null;
                case "singular", "data" -> s -> s.type() == ResourceType.TEST && s.node() != null && s.node().testMetadata() == null;
                case "unit" -> s -> s.type() == ResourceType.UNIT_TEST;
                default -> throw new SelectionException("unknown test_type '" + value + "'; use generic, singular, data or unit");
            };
            case "unit_test" -> s -> s.type() == ResourceType.UNIT_TEST && (glob(value).matcher(s.name()).matches()
                    || fqnMatches(s, value));
            case "test_name" -> s -> s.node() != null && s.node().testMetadata() != null
                    && glob(value).matcher(s.node().testMetadata().name()).matches();
            case "config" -> {
                if (!method.contains(".")) {
                    throw new SelectionException("'config:' needs a key, as in config.materialized:table");
                }
                String[] path = method.substring(method.indexOf('.') + 1).split("\\.");
                yield s -> configMatches(s.config(), path, value);
            }
            case "access", "group" -> s -> value.equals(String.valueOf(s.config().get(base)));
            case "state" -> priorState(method).stateMatcher(value);
            case "result" -> priorState(method).resultMatcher(value);
            case "source_status" -> priorState(method).sourceStatusMatcher(value);
            case "version" -> s -> s.node() != null && switch (value) {
                case "none" -> s.node().version() == null;
                case "latest", "old", "prerelease" -> s.node().version() != null;
                default -> false;
            };
            default -> throw new SelectionException("unknown selection method '" + method + "'"
                    + Suggestions.didYouMean(base, METHODS));
        };
    }

    private StateComparison priorState(String method) {
        if (state == null) {
            throw new SelectionException("the " + method + ": method compares with an earlier run: give --state DIR,"
                    + " the target folder (or a copy of the manifest.json) of that run");
        }
        return state;
    }

    private static boolean configMatches(Map<String, Object> config, String[] path, String value) {
        Object current = config;
        for (String part : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return false;
            }
            current = m.get(part);
        }
        if (current instanceof List<?> list) {
            return list.stream().anyMatch(v -> String.valueOf(v).equals(value));
        }
        if (current instanceof Boolean b) {
            return String.valueOf(b).equalsIgnoreCase(value);
        }
        return current != null && glob(value).matcher(String.valueOf(current)).matches();
    }

    private Matcher pathMatcher(String value) {
        String normalized = value.replace('\\', '/').replaceAll("^\\./", "").replaceAll("/+$", "");
        if (normalized.contains("*") || normalized.contains("?")) {
            PathMatcher pm = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
            return s -> s.packageName().equals(manifest.projectName()) && pm.matches(Path.of(s.originalFilePath()));
        }
        return s -> s.packageName().equals(manifest.projectName())
                && (s.originalFilePath().equals(normalized) || s.originalFilePath().startsWith(normalized + "/"));
    }

    private static boolean sourceMatches(Selectable s, String value) {
        String[] parts = value.split("\\.");
        String pkg = s.packageName();
        String src = s.source().sourceName();
        String table = s.source().name();
        return switch (parts.length) {
            case 1 -> glob(parts[0]).matcher(src).matches() || glob(parts[0]).matcher(pkg).matches();
            case 2 -> glob(parts[0]).matcher(src).matches() && glob(parts[1]).matcher(table).matches()
                    || glob(parts[0]).matcher(pkg).matches() && glob(parts[1]).matcher(src).matches();
            case 3 -> glob(parts[0]).matcher(pkg).matches() && glob(parts[1]).matcher(src).matches()
                    && glob(parts[2]).matcher(table).matches();
            default -> false;
        };
    }

    /**
     * dbt's fqn matching: the node's name, or a dotted prefix of its FQN (package, folders), with
     * wildcards; for the root project's nodes the package may be left out ({@code staging.*}).
     */
    boolean fqnMatches(Selectable s, String value) {
        List<String> fqn = s.fqn();
        if (fqn.isEmpty()) {
            return false;
        }
        if (value.equals(s.name())) {
            return true;
        }
        if (s.node() != null && s.node().version() != null && fqn.size() >= 2 && value.equals(fqn.get(fqn.size() - 2))) {
            return true;
        }
        return prefixMatches(fqn, value)
                || s.packageName().equals(manifest.projectName()) && prefixMatches(fqn.subList(1, fqn.size()), value);
    }

    private static boolean prefixMatches(List<String> fqn, String value) {
        if (fqn.isEmpty()) {
            return false;
        }
        if (fqn.get(fqn.size() - 1).equals(value)) {
            return true;
        }
        String[] parts = value.split("\\.");
        if (parts.length > fqn.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].contains("*") || parts[i].contains("?")) {
                String rest = String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
                return glob(rest).matcher(String.join(".", fqn.subList(i, fqn.size()))).matches();
            }
            if (!parts[i].equals(fqn.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static final Map<String, Pattern> GLOBS = new java.util.concurrent.ConcurrentHashMap<>();

    static Pattern glob(String glob) {
        return GLOBS.computeIfAbsent(glob, g -> {
            StringBuilder b = new StringBuilder();
            for (char c : g.toCharArray()) {
                switch (c) {
                    case '*' -> b.append(".*");
                    case '?' -> b.append('.');
                    default -> b.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(b.toString());
        });
    }

    /** Keeps the ids whose resource type is one of the given dbt names ({@code model}, {@code test}, ...). */
    public Set<String> onlyTypes(Set<String> ids, List<String> types) {
        if (types.isEmpty()) {
            return ids;
        }
        Set<ResourceType> wanted = new java.util.HashSet<>();
        for (String t : types) {
            if (t.equals("all") || t.equals("default")) {
                return ids;
            }
            try {
                wanted.add(ResourceType.fromDbtName(t));
            } catch (IllegalArgumentException e) {
                throw new SelectionException("unknown resource type '" + t + "'" + Suggestions.didYouMean(t,
                        java.util.Arrays.stream(ResourceType.values()).map(x -> x.dbtName().toLowerCase(Locale.ROOT)).toList()));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            Selectable s = all.get(id);
            if (s != null && wanted.contains(s.type())) {
                out.add(id);
            }
        }
        return out;
    }

    List<String> ids() {
        return new ArrayList<>(all.keySet());
    }
}
