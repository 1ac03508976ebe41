package quarry.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The DAG's cycle check: a graph with a cycle is rejected with the cycle's members named. */
final class Acyclicity {

    private Acyclicity() {}

    /**
     * Fails with the members of a cycle when there is one. A topological sort (Kahn's) answers
     * first; only a graph that has a cycle pays for {@link #reportCycle}. Ids are numbered once
     * (arrays, not maps: a large project's graph has tens of thousands of ids), and the per-id work
     * is in small methods: a loop that runs once per parse is interpreted until the JIT's
     * on-stack replacement, while a method called per id is compiled after a few hundred calls.
     */
    static void check(Map<String, List<String>> parents, Map<String, List<String>> children) {
        Map<String, Integer> number = new HashMap<>(parents.size() * 2);
        List<String> ids = new ArrayList<>(parents.size());
        for (String id : parents.keySet()) {
            number.put(id, ids.size());
            ids.add(id);
        }
        for (String id : children.keySet()) {
            if (number.putIfAbsent(id, ids.size()) == null) {
                ids.add(id);
            }
        }
        int[][] edges = new int[ids.size()][];
        for (int v = 0; v < edges.length; v++) {
            edges[v] = numbered(children.getOrDefault(ids.get(v), List.of()), number, ids);
        }
        int n = ids.size();
        if (edges.length < n) {
            edges = java.util.Arrays.copyOf(edges, n);
            for (int v = 0; v < n; v++) {
                if (edges[v] == null) {
                    edges[v] = new int[0];
                }
            }
        }
        int[] inDegree = new int[n];
        for (int[] targets : edges) {
            countIn(targets, inDegree);
        }
        int[] queue = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (inDegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            tail = release(edges[queue[head]], inDegree, queue, tail);
        }
        if (tail < n) {
            reportCycle(parents, children, edges, ids);
        }
    }

    /** The numbers of ids (numbering the ones not seen yet). */
    private static int[] numbered(List<String> out, Map<String, Integer> number, List<String> ids) {
        int[] targets = new int[out.size()];
        for (int i = 0; i < targets.length; i++) {
            Integer w = number.get(out.get(i));
            if (w == null) {
                w = ids.size();
                number.put(out.get(i), w);
                ids.add(out.get(i));
            }
            targets[i] = w;
        }
        return targets;
    }

    private static void countIn(int[] targets, int[] inDegree) {
        for (int w : targets) {
            inDegree[w]++;
        }
    }

    /** Takes a sorted id's edges away; queues the targets left without incoming edges. */
    private static int release(int[] targets, int[] inDegree, int[] queue, int tail) {
        for (int w : targets) {
            if (--inDegree[w] == 0) {
                queue[tail++] = w;
            }
        }
        return tail;
    }

    /**
     * Tarjan's strongly connected components, iteratively: throws for the first component of two
     * or more ids (or a self-loop).
     */
    private static void reportCycle(Map<String, List<String>> parents, Map<String, List<String>> children,
            int[][] edges, List<String> ids) {
        int n = ids.size();
        int[] index = new int[n];
        int[] low = new int[n];
        java.util.Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] work = new int[n];
        int[] next = new int[n];
        int counter = 0;
        for (int start = 0; start < parents.size(); start++) {
            if (index[start] >= 0) {
                continue;
            }
            int depth = 0;
            index[start] = low[start] = counter++;
            stack[stackSize++] = start;
            onStack[start] = true;
            work[depth++] = start;
            next[start] = 0;
            while (depth > 0) {
                int v = work[depth - 1];
                if (next[v] < edges[v].length) {
                    int w = edges[v][next[v]++];
                    if (w == v) {
                        throw new CycleException(List.of(ids.get(v)));
                    }
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        next[w] = 0;
                        work[depth++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    depth--;
                    if (depth > 0) {
                        int parent = work[depth - 1];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {
                        List<String> component = new ArrayList<>();
                        int w;
                        do {
                            w = stack[--stackSize];
                            onStack[w] = false;
                            component.add(ids.get(w));
                        } while (w != v);
                        if (component.size() > 1) {
                            throw new CycleException(cycleOrder(children, component));
                        }
                    }
                }
            }
        }
    }

    /** The members of a component in an order that follows edges, starting from the smallest id. */
    private static List<String> cycleOrder(Map<String, List<String>> children, List<String> component) {
        Set<String> members = new java.util.HashSet<>(component);
        String start = Collections.min(component);
        List<String> path = new ArrayList<>();
        Set<String> visited = new java.util.HashSet<>();
        String current = start;
        while (current != null && visited.add(current)) {
            path.add(current);
            String next = null;
            for (String c : children.getOrDefault(current, List.of())) {
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
