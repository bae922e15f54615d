package org.breakwater.staging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.plan.DiffOutcome;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.ReleaseAssessment;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.Usage;

/**
 * Coverage from staging's access logs ({@link Coverage}): takes a service, time windows and an
 * identify rule, so that suite runs (each run's window and its suite's rule) and replays can
 * feed it the same way as a person asking for the last days. Reads the traffic counts that
 * ingest keeps; stores nothing.
 */
public final class CoverageService {
    /** At most this many windows in one question. */
    public static final int MAX_WINDOWS = 1_000;

    private final CatalogService catalog;
    private final TrafficService traffic;
    private final Clock clock;

    public CoverageService(CatalogService catalog, TrafficService traffic, Clock clock) {
        this.catalog = catalog;
        this.traffic = traffic;
        this.clock = clock;
    }

    /** Which operations of what {@code environment} runs now the {@code callers} exercised there within {@code windows}. */
    public Outcome<Coverage> coverage(String service, String environment, List<Coverage.Window> windows,
                                      TestCallers callers) {
        if (catalog.service(service).isEmpty()) {
            return Outcome.refused(catalog.unknownService(service));
        }
        if (catalog.environments().stream().noneMatch(e -> e.name().equals(environment))) {
            return Outcome.refused(catalog.unknownEnvironment(environment));
        }
        if (windows.isEmpty() || windows.size() > MAX_WINDOWS) {
            return Outcome.refused("give between 1 and " + MAX_WINDOWS + " time windows, not " + windows.size());
        }
        List<Usage> used = exercising(service, environment, windows, callers);
        return Outcome.done(tally(service, environment, windows, callers, used));
    }

    /**
     * Which operations of what {@code environment} runs now the replays exercised there
     * ({@code replayed}: operation key to calls the candidate answered, in the replays' {@code windows}).
     */
    public Outcome<Coverage> replayed(String service, String environment, List<Coverage.Window> windows,
                                      Map<String, Long> replayed) {
        if (catalog.service(service).isEmpty()) {
            return Outcome.refused(catalog.unknownService(service));
        }
        if (windows.isEmpty()) {
            return Outcome.refused("no replay against " + environment + " sent calls of " + service + " in the period"
                    + " (breakwater staging replay PLAN, or serve's schedule: docs/staging.md, Replay)");
        }
        List<Usage> used = new ArrayList<>();
        Instant first = windows.get(0).since();
        Instant last = windows.get(windows.size() - 1).until();
        replayed.forEach((op, n) -> used.add(new Usage(service, environment, ReplayCoverage.CALLER, false, op, n, first,
                last)));
        return Outcome.done(tally(service, environment, windows, ReplayCoverage.CALLERS, used));
    }

    private Coverage tally(String service, String environment, List<Coverage.Window> windows, TestCallers callers,
                           List<Usage> used) {
        Optional<Placement> runs = catalog.placement(service, environment);
        Optional<ApiSpec> spec = runs.flatMap(Placement::apiHash).flatMap(catalog::api);
        Map<String, Coverage.Operation> byKey = new LinkedHashMap<>();
        spec.ifPresent(s -> s.operations().values().forEach(o -> byKey.put(o.key(),
                new Coverage.Operation(o.method().toUpperCase(java.util.Locale.ROOT) + " " + o.path(), o.key(), 0,
                        List.of()))));
        Map<String, Coverage.Operation> elsewhere = new LinkedHashMap<>();
        for (Usage u : used) {
            Map<String, Coverage.Operation> into = byKey.containsKey(u.operation()) ? byKey : elsewhere;
            Coverage.Operation was = into.getOrDefault(u.operation(),
                    new Coverage.Operation(u.operation(), u.operation(), 0, List.of()));
            TreeSet<String> who = new TreeSet<>(was.callers());
            who.add(u.caller());
            into.put(u.operation(), new Coverage.Operation(was.operation(), was.key(), was.calls() + u.count(),
                    List.copyOf(who)));
        }
        return new Coverage(service, environment, runs.map(Placement::version), callers, windows,
                List.copyOf(byKey.values()), List.copyOf(elsewhere.values()));
    }

    /** The stored counts of {@code callers} in {@code environment} whose first-to-last-seen span meets a window. */
    private List<Usage> exercising(String service, String environment, List<Coverage.Window> windows,
                                   TestCallers callers) {
        return traffic.usages(service, Optional.of(environment)).stream().filter(callers::matches)
                .filter(u -> windows.stream().anyMatch(w -> w.overlaps(u.firstSeen(), u.lastSeen()))).toList();
    }

    /** The last {@code days} up to now, as one window. */
    public Coverage.Window lastDays(int days) {
        Instant now = clock.instant();
        return new Coverage.Window(now.minus(Duration.ofDays(days)), now.plusMillis(1));
    }

    /**
     * The operations the plan's releases change (every finding of their diffs that names an
     * operation) that {@code callers} did not call in {@code staging} within {@code windows}.
     */
    public List<Coverage.Untested> untested(PlanReport report, String staging, List<Coverage.Window> windows,
                                            TestCallers callers) {
        List<Coverage.Source> one = List.of(new Coverage.Source(callers.rule(), callers, windows));
        return untested(report, staging, service -> one);
    }

    /**
     * The operations the plan's releases change that none of the {@code sources} of their service
     * (e.g. the suites covering it, each with its rule and its runs' windows) called in {@code staging}.
     */
    public List<Coverage.Untested> untested(PlanReport report, String staging,
                                            java.util.function.Function<String, List<Coverage.Source>> sources) {
        return untested(report, staging, sources, service -> java.util.Set.of());
    }

    /**
     * As above, counting also the operations {@code also} names as exercised for a service (the
     * operations the replays sent the candidate and it answered).
     */
    public List<Coverage.Untested> untested(PlanReport report, String staging,
                                            java.util.function.Function<String, List<Coverage.Source>> sources,
                                            java.util.function.Function<String, java.util.Set<String>> also) {
        List<Coverage.Untested> out = new ArrayList<>();
        for (ReleaseAssessment ra : report.assessment().releases()) {
            if (!(ra.diff() instanceof DiffOutcome.Compared c)) {
                continue;
            }
            Map<String, List<String>> changed = new LinkedHashMap<>();
            Map<String, String> shown = new LinkedHashMap<>();
            for (Finding f : c.report().findings()) {
                if (!f.operation().isEmpty()) {
                    String key = org.breakwater.apidiff.spec.Operation.keyOf(f.operation());
                    changed.computeIfAbsent(key, k -> new ArrayList<>()).add(f.message());
                    shown.putIfAbsent(key, f.operation());
                }
            }
            java.util.Set<String> exercised = new java.util.HashSet<>(also.apply(ra.service().name()));
            for (Coverage.Source src : sources.apply(ra.service().name())) {
                exercising(ra.service().name(), staging, src.windows(), src.callers())
                        .forEach(u -> exercised.add(u.operation()));
            }
            changed.forEach((key, messages) -> {
                if (!exercised.contains(key)) {
                    out.add(new Coverage.Untested(ra.service().name(), ra.release().version(), shown.get(key), messages));
                }
            });
        }
        return out;
    }
}
