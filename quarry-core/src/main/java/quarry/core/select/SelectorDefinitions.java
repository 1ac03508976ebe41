package quarry.core.select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.project.YamlMap;
import quarry.core.project.YamlReader;

/**
 * Named selectors from {@code selectors.yml}: each a string expression or a YAML definition with
 * {@code method}/{@code value}, graph flags, {@code union}, {@code intersection} and {@code exclude}.
 */
final class SelectorDefinitions {

    private final Map<String, Object> selectors;
    private final NodeSelector selector;
    private final Set<String> evaluating = new LinkedHashSet<>();

    SelectorDefinitions(Map<String, Object> selectors, NodeSelector selector) {
        this.selectors = selectors;
        this.selector = selector;
    }

    /** Reads selectors.yml into name → definition (with {@code default} kept), or an empty map. */
    static Map<String, Object> load(Path projectRoot) {
        Path file = projectRoot.resolve("selectors.yml");
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Object doc = YamlReader.read(file, "selectors.yml");
        if (!(doc instanceof Map<?, ?> m) || !(m.get("selectors") instanceof List<?> list)) {
            throw new SelectionException(SourceLocation.of("selectors.yml"), "selectors.yml must have a 'selectors:' list");
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> e) || e.get("name") == null || e.get("definition") == null) {
                throw new SelectionException(new SourceLocation("selectors.yml", YamlMap.lineOf(entry)),
                        "each selector needs a name and a definition");
            }
            out.put(String.valueOf(e.get("name")), e);
        }
        return out;
    }

    static Optional<String> defaultSelector(Map<String, Object> selectors) {
        for (Map.Entry<String, Object> e : selectors.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("default"))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    Set<String> evaluate(String name) {
        Object entry = selectors.get(name);
        if (!(entry instanceof Map<?, ?> m)) {
            throw new SelectionException("selector '" + name + "' not found in selectors.yml"
                    + Suggestions.didYouMean(name, selectors.keySet()));
        }
        if (!evaluating.add(name)) {
            throw new SelectionException("selector '" + name + "' refers to itself through " + evaluating);
        }
        try {
            return definition(m.get("definition"));
        } finally {
            evaluating.remove(name);
        }
    }

    private Set<String> definition(Object def) {
        if (def instanceof String s) {
            return selector.expression(List.of(s));
        }
        if (!(def instanceof Map<?, ?> m)) {
            throw new SelectionException("a selector definition must be a string or a mapping, not '" + def + "'");
        }
        if (m.get("union") instanceof List<?> parts) {
            Set<String> out = new LinkedHashSet<>();
            Set<String> excluded = new LinkedHashSet<>();
            for (Object p : parts) {
                if (p instanceof Map<?, ?> pm && pm.containsKey("exclude")) {
                    excluded.addAll(excludes(pm.get("exclude")));
                } else {
                    out.addAll(definition(p));
                }
            }
            out.removeAll(excluded);
            return out;
        }
        if (m.get("intersection") instanceof List<?> parts) {
            Set<String> out = null;
            Set<String> excluded = new LinkedHashSet<>();
            for (Object p : parts) {
                if (p instanceof Map<?, ?> pm && pm.containsKey("exclude")) {
                    excluded.addAll(excludes(pm.get("exclude")));
                    continue;
                }
                Set<String> one = definition(p);
                if (out == null) {
                    out = one;
                } else {
                    out.retainAll(one);
                }
            }
            if (out == null) {
                out = new LinkedHashSet<>();
            }
            out.removeAll(excluded);
            return out;
        }
        if (m.get("method") == null || m.get("value") == null) {
            throw new SelectionException("a selector definition needs method and value, or union / intersection");
        }
        String method = String.valueOf(m.get("method"));
        String value = String.valueOf(m.get("value"));
        Set<String> direct = method.equals("selector") ? evaluate(value)
                : selector.atom(new SelectionCriteria(method, value, -1, -1, false));
        int parentsDepth = Boolean.TRUE.equals(m.get("parents"))
                ? (m.get("parents_depth") instanceof Number n ? n.intValue() : 0) : -1;
        int childrenDepth = Boolean.TRUE.equals(m.get("children"))
                ? (m.get("children_depth") instanceof Number n ? n.intValue() : 0) : -1;
        Set<String> out = selector.withGraph(direct, parentsDepth, childrenDepth,
                Boolean.TRUE.equals(m.get("childrens_parents")));
        if (m.containsKey("exclude")) {
            out.removeAll(excludes(m.get("exclude")));
        }
        return out;
    }

    private Set<String> excludes(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                out.addAll(definition(o));
            }
        } else {
            out.addAll(definition(value));
        }
        return out;
    }
}
