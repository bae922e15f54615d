package org.breakwater.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who uses what, in memory: every consumer's uses by provider, read from the store in one
 * query and kept until the catalog changes (its generation moves). A reach walks it in
 * microseconds per consumer, however deep the chains; the SQL equivalent costs milliseconds
 * per step.
 */
final class ConsumerGraph {
    private final long generation;
    private final Map<String, List<CatalogRepository.ReachedUse>> byProvider = new HashMap<>();

    ConsumerGraph(long generation, List<CatalogRepository.ReachedUse> uses) {
        this.generation = generation;
        for (CatalogRepository.ReachedUse u : uses) {
            byProvider.computeIfAbsent(u.provider(), k -> new ArrayList<>()).add(u);
        }
    }

    long generation() {
        return generation;
    }

    /**
     * The uses along which a change to {@code operation} of {@code service} (any operation when
     * empty) reaches consumers: the uses of the operation (marked seed) and, when
     * {@code transitive}, every use of each service a reached consumer is part of, and so on.
     */
    List<CatalogRepository.ReachedUse> reach(String service, Optional<OperationRef> operation, boolean transitive) {
        List<CatalogRepository.ReachedUse> out = new ArrayList<>();
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (CatalogRepository.ReachedUse u : byProvider.getOrDefault(service, List.of())) {
            boolean hit = operation.isEmpty() || u.operation().isEmpty() || u.operation().get().sameAs(operation.get());
            if (hit) {
                out.add(seed(u));
                u.consumerService().filter(s -> transitive && reached.add(s)).ifPresent(queue::add);
            }
        }
        while (!queue.isEmpty()) {
            String provider = queue.poll();
            for (CatalogRepository.ReachedUse u : byProvider.getOrDefault(provider, List.of())) {
                out.add(u);
                u.consumerService().filter(reached::add).ifPresent(queue::add);
            }
        }
        return out;
    }

    private static CatalogRepository.ReachedUse seed(CatalogRepository.ReachedUse u) {
        return new CatalogRepository.ReachedUse(u.consumer(), u.kind(), u.consumerService(), u.owner(), u.contact(),
                u.description(), u.provider(), true, u.operation());
    }
}
