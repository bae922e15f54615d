package org.breakwater.plan;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last {@link MigrationSource#recorded} list of each plan, reused while it is asked again
 * with the very same {@link Assessment} object (PlanService keeps one per plan until anything it
 * was built from changes) and equal per-consumer evidence. Worked out afresh it costs one
 * {@code Migration} per consumer reached (8,000 on a large plan) on every can-deploy answer and
 * plan page (docs/benchmarks.md, load section); the inputs compared here are all it reads, so a
 * reused list is the one a fresh computation would give.
 */
final class RecordedMigrations {
    private record Entry(Assessment assessment, List<Evidence> perConsumer, List<Migration> migrations) {
    }

    private static final int LIMIT = 1_000;
    private static final Map<Long, Entry> LAST = new ConcurrentHashMap<>();

    private RecordedMigrations() {
    }

    /** The list kept for {@code assessment} and {@code perConsumer}, or {@code compute}'s, then kept. */
    static List<Migration> of(Assessment assessment, List<Evidence> perConsumer,
                              java.util.function.Supplier<List<Migration>> compute) {
        long plan = assessment.plan().id();
        Entry e = LAST.get(plan);
        if (e != null && e.assessment() == assessment && e.perConsumer().equals(perConsumer)) {
            return e.migrations();
        }
        List<Migration> fresh = List.copyOf(compute.get());
        if (LAST.size() > LIMIT) {
            LAST.clear();
        }
        LAST.put(plan, new Entry(assessment, perConsumer, fresh));
        return fresh;
    }
}
