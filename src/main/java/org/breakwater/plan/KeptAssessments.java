package org.breakwater.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Placement;
import org.breakwater.policy.Policy;

/** The last assessment of each plan, kept while its key holds (a server answers the same plan often). */
final class KeptAssessments {
    /**
     * What an assessment depends on: the plan itself, the catalog's generation, what the target
     * environment runs of each release's service, the meeting's decisions, the policy and the
     * day (deprecation sunsets). The same key gives the same assessment, so it is kept.
     */
    private record Key(Plan plan, long generation, List<Optional<Placement>> running, List<Evidence> decisions,
                       String policy, LocalDate today) {
    }

    /** A plan's assessment for {@code key}: being worked out (others asking meanwhile wait for it) or done. */
    private record Assessed(Key key, CompletableFuture<Assessment> assessment) {
    }

    private final Map<Long, Assessed> assessed = new ConcurrentHashMap<>();

    /**
     * The assessment of {@code plan}, worked out once per key: requests that ask for the same plan
     * while it is being worked out (seconds for a plan reaching 8,000 consumers) wait for that one
     * computation instead of each running their own.
     */
    Assessment of(Plan plan, List<Evidence> evidence, Map<String, List<Placement>> running, CatalogService catalog,
                  Policy policy, LocalDate today) {
        Key key = new Key(plan, catalog.generation(), plan.releases().stream()
                .map(r -> running.get(r.service()).stream().filter(p -> p.environment().equals(plan.environment()))
                        .findFirst()).toList(),
                evidence.stream().filter(e -> e.gate().equals(Assessor.MEETING_DECISION)).toList(), policy.hash(), today);
        Assessed a = assessed.get(plan.id());
        if (a != null && a.key().equals(key)) {
            return join(a.assessment());
        }
        Assessed mine = new Assessed(key, new CompletableFuture<>());
        if (assessed.size() > 1_000) {
            assessed.clear();
        }
        Assessed won = assessed.compute(plan.id(), (id, old) -> old != null && old.key().equals(key) ? old : mine);
        if (won != mine) {
            return join(won.assessment());
        }
        try {
            mine.assessment().complete(new Assessor(catalog).assess(plan, policy, evidence, today));
        } catch (RuntimeException | Error e) {
            assessed.remove(plan.id(), mine);
            mine.assessment().completeExceptionally(e);
            throw e;
        }
        return join(mine.assessment());
    }

    private static Assessment join(CompletableFuture<Assessment> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

}
