package org.breakwater.plan;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.Tier;

/**
 * The per-consumer sums the gates and the report make over a plan's migrations (thousands on a
 * large plan), kept for the very list object they were made from. {@link MigrationSource#recorded}
 * hands out the same unmodifiable list while its inputs hold, so a server answering the same plan
 * again reuses them instead of sorting 8,000 names per answer. Every sum depends only on its keys
 * (immutable lists and records, compared by identity; sets by value), so a kept one is what a fresh
 * one would be.
 */
final class ConsumerTally {
    private record Key(Object list, Object other, String what) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.list == list && k.what.equals(what)
                    && (other instanceof Catalog ? k.other == other : java.util.Objects.equals(k.other, other));
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(list) * 31 + what.hashCode();
        }
    }

    private static final int KEPT = 128;
    private static final Map<Key, Object> MEMO = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > KEPT;
        }
    };

    private ConsumerTally() {
    }

    @SuppressWarnings("unchecked")
    private static <T> T kept(Key key, Supplier<T> compute) {
        synchronized (MEMO) {
            Object known = MEMO.get(key);
            if (known != null) {
                return (T) known;
            }
        }
        T fresh = compute.get();
        synchronized (MEMO) {
            MEMO.put(key, fresh);
        }
        return fresh;
    }

    /** The names of {@code consumers} that have not reached {@code needed} (unknown callers marked), sorted. */
    static List<String> missing(List<Migration> consumers, MigrationState needed) {
        return kept(new Key(consumers, needed, "missing"), () -> consumers.stream()
                .filter(m -> !m.known() || !m.state().reached(needed))
                .map(m -> m.known() ? m.consumer() : m.consumer() + " (not in the catalog)").distinct().sorted().toList());
    }

    /** Those of {@code consumers} that are part of one of {@code services}. */
    static List<Migration> inServices(List<Migration> consumers, Set<String> services) {
        return kept(new Key(consumers, Set.copyOf(services), "in"), () -> consumers.stream()
                .filter(m -> m.service().map(services::contains).orElse(false)).toList());
    }

    /** The essential services (catalog tier) that {@code consumers} are part of, in name order. */
    static Set<String> essential(List<Migration> consumers, Catalog catalog) {
        return kept(new Key(consumers, catalog, "essential"), () -> {
            Set<String> reached = new HashSet<>();
            consumers.forEach(m -> m.service().ifPresent(reached::add)); // thousands of consumers, a few services
            Set<String> essential = new TreeSet<>();
            reached.forEach(s -> catalog.service(s).filter(x -> x.tier() == Tier.ESSENTIAL)
                    .ifPresent(x -> essential.add(s)));
            return java.util.Collections.unmodifiableSet(essential);
        });
    }
}
