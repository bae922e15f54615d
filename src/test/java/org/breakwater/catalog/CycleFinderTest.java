package org.breakwater.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One cycle per strongly connected component, as a shortest path from its smallest name. */
class CycleFinderTest {
    private static List<List<String>> cycles(Map<String, Set<String>> edges) {
        return new CycleFinder(edges).cycles();
    }

    /** Runs {@code task} on a thread with a small stack, so any recursion as deep as the graph would overflow. */
    private static <T> T onSmallStack(java.util.function.Supplier<T> task) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
        return result.get();
    }

    private static Map<String, Set<String>> chain(int length) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (int i = 0; i < length - 1; i++) {
            edges.put(name(i), Set.of(name(i + 1)));
        }
        return edges;
    }

    private static String name(int i) {
        return String.format("s%06d", i);
    }

    @Test
    void a_graph_without_a_cycle_has_none() {
        assertThat(cycles(Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of()))).isEmpty();
    }

    @Test
    void an_empty_graph_has_no_cycle() {
        assertThat(cycles(Map.of())).isEmpty();
    }

    @Test
    void a_service_that_uses_itself_is_a_cycle_of_one() {
        assertThat(cycles(Map.of("koji", Set.of("koji")))).containsExactly(List.of("koji"));
    }

    @Test
    void two_services_using_each_other_are_one_cycle_from_the_smaller_name() {
        assertThat(cycles(Map.of("koji", Set.of("bodhi"), "bodhi", Set.of("koji"))))
                .containsExactly(List.of("bodhi", "koji"));
    }

    @Test
    void a_cycle_of_three_is_given_in_the_order_of_its_edges() {
        assertThat(cycles(Map.of("pkgdb", Set.of("fas"), "fas", Set.of("bodhi"), "bodhi", Set.of("pkgdb"))))
                .containsExactly(List.of("bodhi", "pkgdb", "fas"));
    }

    @Test
    void two_separate_cycles_are_two_cycles() {
        Map<String, Set<String>> edges = Map.of(
                "a", Set.of("b"), "b", Set.of("a", "c"), // a ↔ b, then on to c
                "c", Set.of("d"), "d", Set.of("c"));     // c ↔ d

        assertThat(cycles(edges)).containsExactlyInAnyOrder(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void a_component_with_several_cycles_is_reported_once_by_its_shortest_cycle_through_the_smallest_name() {
        Map<String, Set<String>> edges = Map.of(
                "a", Set.of("b", "c"), "b", Set.of("d"), "d", Set.of("a"), "c", Set.of("a"));

        assertThat(cycles(edges)).containsExactly(List.of("a", "c"));
    }

    @Test
    void edges_to_names_without_edges_of_their_own_are_no_cycle() {
        assertThat(cycles(Map.of("a", Set.of("x", "y"), "b", Set.of("a")))).isEmpty();
    }

    @Test
    void a_chain_of_a_hundred_thousand_services_does_not_overflow_the_stack() throws InterruptedException {
        Map<String, Set<String>> edges = chain(100_000);

        assertThat(onSmallStack(() -> cycles(edges))).isEmpty();
    }

    @Test
    void a_cycle_through_a_hundred_thousand_services_is_found_whole() throws InterruptedException {
        Map<String, Set<String>> edges = chain(100_000);
        edges.put(name(99_999), Set.of(name(0)));

        List<List<String>> found = onSmallStack(() -> cycles(edges));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            expected.add(name(i));
        }
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isEqualTo(expected);
    }
}
