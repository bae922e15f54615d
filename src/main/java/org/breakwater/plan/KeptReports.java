package org.breakwater.plan;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last report and can-deploy answer of each plan, reused while the store has taken no write
 * (its change token, {@code org.breakwater.store.StoreChanges}, is the same: it moves for a write
 * by any process, so several instances on one PostgreSQL see each other's) and within the same
 * second of the service's clock (deadlines pass, ages grow). Everything a report is made of is read
 * from the store, the policy or the clock, so a kept one is what a fresh one would be. A server
 * asked for the same plan hundreds of times a second answers most of them from here, with one
 * small query instead of fifteen.
 */
final class KeptReports {
    /** No token source: nothing is kept. */
    static final Supplier<String> NONE = () -> null;

    private record Kept(String token, long second, PlanReport report, Optional<CanDeploy> answer) {
    }

    private static final int LIMIT = 1_000;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();
    private volatile Supplier<String> changes = NONE;

    void changes(Supplier<String> source) {
        this.changes = source;
        kept.clear();
    }

    /** Forgets everything (a source the reports read from was replaced). */
    void clear() {
        kept.clear();
    }

    /** Where the store and the clock stand now: read before the data a report is made from. */
    Stamp stamp(Instant now) {
        return new Stamp(changes.get(), now.getEpochSecond());
    }

    record Stamp(String token, long second) {
    }

    private Optional<Kept> at(long plan, Stamp s) {
        Kept k = s.token() == null ? null : kept.get(plan);
        return k != null && k.token().equals(s.token()) && k.second() == s.second() ? Optional.of(k) : Optional.empty();
    }

    Optional<PlanReport> report(long plan, Stamp s) {
        return at(plan, s).map(Kept::report);
    }

    Optional<CanDeploy> answer(long plan, Stamp s) {
        return at(plan, s).flatMap(Kept::answer);
    }

    void keep(long plan, Stamp s, PlanReport report, Optional<CanDeploy> answer) {
        if (s.token() == null) {
            return;
        }
        if (kept.size() > LIMIT) {
            kept.clear();
        }
        kept.put(plan, new Kept(s.token(), s.second(), report, answer));
    }
}
