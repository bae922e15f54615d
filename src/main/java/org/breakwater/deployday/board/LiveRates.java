package org.breakwater.deployday.board;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.catalog.CatalogService;
import org.breakwater.deployday.detect.BreakageFinder;
import org.breakwater.deployday.detect.CutOver;
import org.breakwater.deployday.detect.DetectionPolicy;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.traffic.StatusCount;
import org.breakwater.traffic.TrafficService;

/**
 * Works out a plan's {@link ErrorRates} from the stored status buckets, over the windows the detector
 * judges ({@link DetectionPolicy}: the baseline before the cut-over; after it, up to the plan's end plus
 * the settling period). Rows: every consumer x operation with an error since the cut-over, calls to a
 * removed operation, and every operation of the plan's affected consumers; failing ones first.
 */
public final class LiveRates {
    /** Rows shown per service; the rest are counted. */
    static final int ROWS = 25;

    private final CatalogService catalog;
    private final TrafficService traffic;
    private final DetectionPolicy policy;
    private final Clock clock;

    public LiveRates(CatalogService catalog, TrafficService traffic, DetectionPolicy policy, Clock clock) {
        this.catalog = catalog;
        this.traffic = traffic;
        this.policy = policy;
        this.clock = clock;
    }

    /** The rates of {@code plan}; {@code affected}: its affected consumers (the plan's migrations). */
    public ErrorRates of(Plan plan, Set<String> affected) {
        List<ErrorRates.Service> services = new ArrayList<>();
        for (PlannedRelease r : plan.releases()) {
            Optional<CutOver> cut = CutOver.of(catalog, plan, r, policy.baseline());
            services.add(cut.map(c -> service(plan, r, c, affected)).orElseGet(() ->
                    new ErrorRates.Service(r.service(), r.version(), Optional.empty(), List.of(), 0)));
        }
        Instant now = clock.instant();
        boolean watched = plan.status() == PlanStatus.IN_PROGRESS || (plan.status() == PlanStatus.DONE
                || plan.status() == PlanStatus.ROLLED_BACK) && !plan.end().plus(policy.settling()).isBefore(now);
        return new ErrorRates(services, watched);
    }

    private static final class Tally {
        long calls;
        long errors;
        long callsAfter;
        long errorsAfter;
        Instant last;
        boolean removed;
    }

    /** A removed operation joins its calls before (matched) and after (unmatched) under its key. */
    private record Key(String caller, boolean known, String operation) {
    }

    private ErrorRates.Service service(Plan plan, PlannedRelease r, CutOver cut, Set<String> affected) {
        Instant at = cut.minute(); // as the detector: the cut-over's own minute counts as after it
        Instant until = (plan.end().isAfter(at) ? plan.end() : at).plus(policy.settling());
        Map<String, String> names = new HashMap<>();
        Map<Key, Tally> pairs = new LinkedHashMap<>();
        for (StatusCount c : traffic.statuses(r.service(), plan.environment(), at.minus(policy.baseline()), until)) {
            boolean after = !c.bucket().isBefore(at);
            String op = c.operation();
            boolean removed = false;
            if (op.startsWith("? ")) {
                Optional<String> old = after ? cut.removed(op, names) : Optional.empty();
                removed = old.isPresent();
                op = old.orElse(BreakageFinder.OTHER_PATHS);
            }
            Tally t = pairs.computeIfAbsent(new Key(c.caller(), c.known(), op), k -> new Tally());
            t.removed |= removed;
            if (after) {
                t.callsAfter += c.calls();
                t.errorsAfter += c.errors();
                t.last = t.last == null || c.bucket().isAfter(t.last) ? c.bucket() : t.last;
            } else {
                t.calls += c.calls();
                t.errors += c.errors();
            }
        }
        List<ErrorRates.Row> rows = new ArrayList<>();
        pairs.forEach((k, t) -> {
            if (t.errorsAfter > 0 || t.removed || affected.contains(k.caller())) {
                rows.add(row(k, t, names.getOrDefault(k.operation(), k.operation())));
            }
        });
        rows.sort(Comparator.comparing((ErrorRates.Row x) -> !x.failing()).thenComparing(x -> -x.after())
                .thenComparing(x -> -x.callsAfter()).thenComparing(ErrorRates.Row::consumer)
                .thenComparing(ErrorRates.Row::operation));
        return new ErrorRates.Service(r.service(), r.version(), Optional.of(at), rows.subList(0,
                Math.min(ROWS, rows.size())), Math.max(0, rows.size() - ROWS));
    }

    private ErrorRates.Row row(Key k, Tally t, String operation) {
        double before = t.calls == 0 ? 0 : (double) t.errors / t.calls;
        double after = t.callsAfter == 0 ? 0 : (double) t.errorsAfter / t.callsAfter;
        boolean failing = t.callsAfter >= policy.minCalls() && (t.removed
                || after >= policy.errorRatio() && after - before >= policy.rise());
        return new ErrorRates.Row(k.caller(), k.known(), operation, t.removed, t.calls, t.errors, t.callsAfter,
                t.errorsAfter, Optional.ofNullable(t.last), failing);
    }
}
