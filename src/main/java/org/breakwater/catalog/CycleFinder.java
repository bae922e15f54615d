package org.breakwater.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cycles of a directed graph, one per strongly connected component (Tarjan's algorithm,
 * without recursion so a long chain cannot overflow the stack). Each cycle is reported as
 * a path through the component, starting at its smallest name, so the output is stable.
 */
final class CycleFinder {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new java.util.HashSet<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private int next;

    CycleFinder(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    List<List<String>> cycles() {
        for (String v : new TreeSet<>(edges.keySet())) {
            if (!index.containsKey(v)) {
                strongConnect(v);
            }
        }
        return cycles;
    }

    private Set<String> out(String v) {
        return edges.getOrDefault(v, Set.of());
    }

    private void strongConnect(String root) {
        Deque<Object[]> work = new ArrayDeque<>(); // {vertex, iterator over successors}
        visit(root);
        work.push(new Object[] {root, new ArrayList<>(out(root)).iterator()});
        while (!work.isEmpty()) {
            Object[] frame = work.peek();
            String v = (String) frame[0];
            @SuppressWarnings("unchecked")
            java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
            if (it.hasNext()) {
                String w = it.next();
                if (!index.containsKey(w)) {
                    visit(w);
                    work.push(new Object[] {w, new ArrayList<>(out(w)).iterator()});
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
                continue;
            }
            work.pop();
            if (!work.isEmpty()) {
                String parent = (String) work.peek()[0];
                low.put(parent, Math.min(low.get(parent), low.get(v)));
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1 || out(v).contains(v)) {
                    cycles.add(path(component));
                }
            }
        }
    }

    private void visit(String v) {
        index.put(v, next);
        low.put(v, next);
        next++;
        stack.push(v);
        onStack.add(v);
    }

    /** A cycle inside the component, from its smallest member back to it (breadth-first, shortest). */
    private List<String> path(Set<String> component) {
        String start = component.iterator().next();
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : new TreeSet<>(out(v))) {
                if (!component.contains(w)) {
                    continue;
                }
                if (w.equals(start)) {
                    List<String> cycle = new ArrayList<>();
                    for (String x = v; x != null; x = parent.get(x)) {
                        cycle.add(x);
                    }
                    java.util.Collections.reverse(cycle);
                    return cycle;
                }
                if (!parent.containsKey(w) && !w.equals(start)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        return List.of(start);
    }
}
