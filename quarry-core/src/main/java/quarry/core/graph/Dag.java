package quarry.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.Manifest;
import quarry.core.manifest.Node;

/**
 * The project's dependency graph over unique ids: nodes, sources, exposures and unit tests (a child
 * of the model they test), with an edge from
 * each dependency to its dependant. Built once per invocation; rejects cycles with their members named.
 */
public final class Dag {

    private final Map<String, List<String>> parents;
    private final Map<String, List<String>> children;

    private Dag(Map<String, List<String>> parents, Map<String, List<String>> children) {
        this.parents = parents;
        this.children = children;
    }

    public static Dag of(Manifest manifest) {
        int size = manifest.sources().size() + manifest.nodes().size() + manifest.exposures().size()
                + manifest.unitTests().size();
        Map<String, List<String>> parents = new LinkedHashMap<>(size * 4 / 3 + 1);
        Map<String, List<String>> children = new LinkedHashMap<>(size * 4 / 3 + 1);
        for (String id : manifest.sources().keySet()) {
            parents.put(id, new ArrayList<>());
            children.put(id, new ArrayList<>());
        }
        for (Node n : manifest.nodes().values()) {
            parents.put(n.uniqueId(), new ArrayList<>());
            children.putIfAbsent(n.uniqueId(), new ArrayList<>());
        }
        for (Exposure e : manifest.exposures().values()) {
            parents.put(e.uniqueId(), new ArrayList<>());
            children.putIfAbsent(e.uniqueId(), new ArrayList<>());
        }
        for (Node n : manifest.nodes().values()) {
            link(n.uniqueId(), n.dependsOnNodes(), parents, children);
        }
        for (Exposure e : manifest.exposures().values()) {
            link(e.uniqueId(), e.dependsOnNodes(), parents, children);
        }
        for (quarry.core.manifest.UnitTest u : manifest.unitTests().values()) {
            parents.put(u.uniqueId(), new ArrayList<>());
            children.putIfAbsent(u.uniqueId(), new ArrayList<>());
            link(u.uniqueId(), List.of(u.modelUniqueId()), parents, children);
        }
        Dag dag = new Dag(freeze(parents), freeze(children));
        Acyclicity.check(dag.parents, dag.children);
        return dag;
    }

    private static void link(String id, List<String> deps, Map<String, List<String>> parents,
            Map<String, List<String>> children) {
        for (String dep : deps) {
            if (!parents.get(id).contains(dep)) {
                parents.get(id).add(dep);
                children.computeIfAbsent(dep, k -> new ArrayList<>()).add(id);
            }
        }
    }

    /** The map, its lists made unmodifiable in place (no copy: a large project's maps hold 40,000 ids). */
    private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(map);
    }

    public Set<String> ids() {
        return parents.keySet();
    }

    public List<String> parents(String id) {
        return parents.getOrDefault(id, List.of());
    }

    public List<String> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** manifest.json's {@code parent_map} / {@code child_map}: every id with its sorted neighbours, in id order. */
    public Map<String, List<String>> parentMap() {
        return sortedCopy(this::sortedParents);
    }

    public Map<String, List<String>> childMap() {
        return sortedCopy(this::sortedChildren);
    }

    /** Every id of both maps, sorted once for both (possibly on another thread, see {@link #sortIdsMeanwhile}). */
    private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<List<String>>>
            sortedIds = new java.util.concurrent.atomic.AtomicReference<>();

    /** Every id of {@link #parentMap} and {@link #childMap}, sorted (computed once). */
    public List<String> sortedIds() {
        java.util.concurrent.CompletableFuture<List<String>> sorted = sortedIds.get();
        if (sorted == null) {
            java.util.concurrent.CompletableFuture<List<String>> mine = new java.util.concurrent.CompletableFuture<>();
            if (sortedIds.compareAndSet(null, mine)) {
                try {
                    mine.complete(sortIds());
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            sorted = sortedIds.get();
        }
        return sorted.join();
    }

    /**
     * Sorts the ids on a thread of its own, for a writer that wants them after other work (the
     * manifest's nodes): tens of thousands of ids with long common prefixes take a while to sort.
     */
    public void sortIdsMeanwhile() {
        if (sortedIds.get() == null) {
            Thread sorter = new Thread(this::sortedIds, "quarry-sort-ids");
            sorter.setDaemon(true);
            sorter.start();
        }
    }

    private List<String> sortIds() {
        Set<String> all = new java.util.HashSet<>(parents.keySet());
        all.addAll(children.keySet());
        String[] array = all.toArray(String[]::new);
        java.util.Arrays.sort(array);
        return List.of(array);
    }

    /** An id's parents, sorted, or null when it has no entry in {@link #parentMap}. */
    public List<String> sortedParents(String id) {
        return sorted(parents.get(id));
    }

    /** An id's children, sorted, or null when it has no entry in {@link #childMap}. */
    public List<String> sortedChildren(String id) {
        return sorted(children.get(id));
    }

    private static List<String> sorted(List<String> list) {
        if (list == null || list.size() <= 1) {
            return list;
        }
        String[] array = list.toArray(String[]::new);
        java.util.Arrays.sort(array);
        return java.util.Arrays.asList(array);
    }

    private Map<String, List<String>> sortedCopy(java.util.function.Function<String, List<String>> neighbours) {
        List<String> ids = sortedIds();
        Map<String, List<String>> out = new LinkedHashMap<>(ids.size() * 4 / 3 + 1);
        for (String id : ids) {
            List<String> v = neighbours.apply(id);
            if (v != null) {
                out.put(id, new ArrayList<>(v));
            }
        }
        return out;
    }

    /** Ids reachable upwards (depth {@code -1} for unlimited), not including the start. */
    public Set<String> ancestors(String id, int depth) {
        return walk(id, depth, parents);
    }

    public Set<String> descendants(String id, int depth) {
        return walk(id, depth, children);
    }

    private static Set<String> walk(String start, int depth, Map<String, List<String>> edges) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry(start, 0));
        while (!queue.isEmpty()) {
            Map.Entry<String, Integer> current = queue.poll();
            if (depth >= 0 && current.getValue() >= depth) {
                continue;
            }
            for (String next : edges.getOrDefault(current.getKey(), List.of())) {
                if (seen.add(next)) {
                    queue.add(Map.entry(next, current.getValue() + 1));
                }
            }
        }
        seen.remove(start);
        return seen;
    }

    /** The given ids in dependency order (parents first), ties in id order. */
    public List<String> topologicalOrder(Set<String> subset) {
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : subset) {
            int count = 0;
            for (String p : parents(id)) {
                if (subset.contains(p)) {
                    count++;
                }
            }
            indegree.put(id, count);
        }
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>();
        indegree.forEach((id, d) -> {
            if (d == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>(subset.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String c : children(id)) {
                Integer d = indegree.get(c);
                if (d != null) {
                    indegree.put(c, d - 1);
                    if (d - 1 == 0) {
                        ready.add(c);
                    }
                }
            }
        }
        return order;
    }
}
