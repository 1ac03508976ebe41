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
import java.util.TreeMap;
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
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
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
        dag.checkAcyclic();
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

    private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, Collections.unmodifiableList(v)));
        return Collections.unmodifiableMap(out);
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

    /** manifest.json's {@code parent_map} / {@code child_map}: every id with its sorted neighbours. */
    public Map<String, List<String>> parentMap() {
        return sortedCopy(parents);
    }

    public Map<String, List<String>> childMap() {
        return sortedCopy(children);
    }

    private static Map<String, List<String>> sortedCopy(Map<String, List<String>> map) {
        Map<String, List<String>> out = new TreeMap<>();
        map.forEach((k, v) -> {
            List<String> sorted = new ArrayList<>(v);
            Collections.sort(sorted);
            out.put(k, sorted);
        });
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

    /** Tarjan's strongly connected components, iteratively; the first component of two or more (or a self-loop) is reported. */
    private void checkAcyclic() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        int[] counter = {0};
        for (String start : parents.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            work.push(Map.entry(start, children(start).iterator()));
            while (!work.isEmpty()) {
                Map.Entry<String, java.util.Iterator<String>> top = work.peek();
                String v = top.getKey();
                if (top.getValue().hasNext()) {
                    String w = top.getValue().next();
                    if (w.equals(v)) {
                        throw new CycleException(List.of(v));
                    }
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(Map.entry(w, children(w).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = work.peek().getKey();
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        List<String> component = new ArrayList<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        if (component.size() > 1) {
                            throw new CycleException(cycleOrder(component));
                        }
                    }
                }
            }
        }
    }

    /** The members of a component in an order that follows edges, starting from the smallest id. */
    private List<String> cycleOrder(List<String> component) {
        Set<String> members = new java.util.HashSet<>(component);
        String start = Collections.min(component);
        List<String> path = new ArrayList<>();
        Set<String> visited = new java.util.HashSet<>();
        String current = start;
        while (current != null && visited.add(current)) {
            path.add(current);
            String next = null;
            for (String c : children(current)) {
                if (members.contains(c) && (c.equals(start) || !visited.contains(c))) {
                    next = c;
                    if (!c.equals(start)) {
                        break;
                    }
                }
            }
            current = next == null || next.equals(start) ? null : next;
        }
        return path;
    }
}
