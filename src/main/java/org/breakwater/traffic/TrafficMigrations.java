package org.breakwater.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Placement;
import org.breakwater.plan.Assessment;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Migration;
import org.breakwater.plan.MigrationSource;
import org.breakwater.plan.MigrationState;
import org.breakwater.plan.Plan;
import org.breakwater.plan.ReleaseAssessment;

/**
 * A plan's consumer migrations as the access logs show them, on top of what the catalog declares
 * and the plan's evidence records ({@link MigrationSource#recorded}):
 * <ul>
 * <li>observed: every caller, known or not, that called an operation a release breaks in the
 *     plan's environment in the last {@link #WINDOW} joins the list, with its calls;</li>
 * <li>verified in staging: since the release has run in a non-production environment, that
 *     environment's logs show the consumer calling it, none of its calls there miss the new API,
 *     and none of them come from a production host;</li>
 * <li>verified in production: since the release has run in the plan's environment, the consumer
 *     called it there, none of its calls missed the new API, and none of its production hosts
 *     called another environment.</li>
 * </ul>
 * Calls from one environment's hosts into another (the catalog's environment {@code hosts}) are
 * warnings on the consumer that made them.
 */
public final class TrafficMigrations implements MigrationSource {
    /** How far back the logs count as "still calls". */
    public static final Duration WINDOW = Duration.ofDays(30);

    private final CatalogService catalog;
    private final TrafficRepository repository;

    public TrafficMigrations(CatalogService catalog, TrafficRepository repository) {
        this.catalog = catalog;
        this.repository = repository;
    }

    @Override
    public List<Migration> migrations(Assessment assessment, List<Evidence> evidence, Instant now) {
        List<Migration> recorded = MigrationSource.recorded(assessment, evidence, now);
        Map<String, Migration> out = new LinkedHashMap<>();
        boolean read = false; // no log of a broken service read: the recorded list as it is (kept, not copied)
        Plan plan = assessment.plan();
        Map<String, Boolean> production = new HashMap<>();
        Map<String, Consumer> consumers = new HashMap<>();
        for (ReleaseAssessment ra : assessment.releases()) {
            List<Finding> breaking = ra.breaking();
            if (breaking.isEmpty()) {
                continue;
            }
            String service = ra.service().name();
            List<Usage> usages = repository.usages(service, Optional.empty());
            List<Crossings.Crossing> crossings = repository.crossings(service);
            if (usages.isEmpty() && crossings.isEmpty()) {
                continue; // no log of this service read: the catalog and the evidence say it all
            }
            if (!read) {
                recorded.forEach(m -> out.put(m.consumer(), m));
                read = true;
            }
            if (production.isEmpty()) {
                catalog.environments().forEach(e -> production.put(e.name(), e.production()));
                catalog.export().consumers().forEach(c -> consumers.put(c.name(), c));
            }
            Set<String> broken = new TreeSet<>();
            boolean wholeApi = false;
            for (Finding f : breaking) {
                if (f.operation().isEmpty()) {
                    wholeApi = true;
                } else {
                    broken.add(org.breakwater.apidiff.spec.Operation.keyOf(f.operation()));
                }
            }
            observe(out, consumers, usages, plan.environment(), broken, wholeApi, now.minus(WINDOW), evidence);
            String version = ra.release().version();
            for (Environment e : catalog.environments()) {
                Optional<Placement> runs = catalog.placement(service, e.name()).filter(p -> p.version().equals(version));
                if (runs.isEmpty()) {
                    continue;
                }
                boolean target = e.name().equals(plan.environment());
                if (!target && e.production()) {
                    continue;
                }
                verify(out, usages, crossings, production, e.name(), service + " " + version, runs.get().since(),
                        target ? MigrationState.VERIFIED_PRODUCTION : MigrationState.VERIFIED_STAGING);
            }
            warnCrossings(out, crossings, production, now.minus(WINDOW));
        }
        return read ? new ArrayList<>(out.values()) : recorded;
    }

    /** Adds every caller of a broken operation in {@code environment} since {@code since}, with its calls. */
    private static void observe(Map<String, Migration> out, Map<String, Consumer> consumers, List<Usage> usages,
                                String environment, Set<String> broken, boolean wholeApi, Instant since,
                                List<Evidence> evidence) {
        Map<String, List<Migration.Call>> calls = new LinkedHashMap<>();
        for (Usage u : usages) {
            if (!u.environment().equals(environment) || u.lastSeen().isBefore(since)) {
                continue;
            }
            if (broken.contains(u.operation()) || (wholeApi && u.matched())) {
                calls.computeIfAbsent(u.caller(), k -> new ArrayList<>())
                        .add(new Migration.Call(u.operation(), u.count(), u.lastSeen()));
            }
        }
        calls.forEach((caller, list) -> {
            Migration m = out.get(caller);
            List<Migration.Call> all = new ArrayList<>(m == null ? List.of() : m.stillCalls());
            all.addAll(list);
            if (m == null) {
                Consumer c = consumers.get(caller);
                boolean known = c != null;
                m = MigrationSource.advance(new Migration(caller, known, known ? c.service() : Optional.empty(),
                        false, true, MigrationState.DECLARED, known
                        ? "not declared in the catalog, but seen in " + environment + "'s logs calling what the release breaks"
                        : "unknown: seen in " + environment + "'s logs calling what the release breaks; name it in"
                        + " the catalog (an identify rule)", all, List.of()), evidence);
            } else {
                m = new Migration(m.consumer(), m.known(), m.service(), m.declared(), true, m.state(), m.why(), all,
                        m.warnings());
            }
            out.put(caller, m);
        });
    }

    /**
     * Moves each known consumer to {@code state} when {@code environment}'s logs since {@code since}
     * (when {@code what} started running there) show it calling the new API and nothing else.
     */
    private static void verify(Map<String, Migration> out, List<Usage> usages, List<Crossings.Crossing> crossings,
                               Map<String, Boolean> production, String environment, String what, Instant since,
                               MigrationState state) {
        for (Migration m : List.copyOf(out.values())) {
            if (!m.known() || m.state().reached(state)) {
                continue;
            }
            List<Usage> recent = usages.stream().filter(u -> u.environment().equals(environment)
                    && u.caller().equals(m.consumer()) && !u.lastSeen().isBefore(since)).toList();
            if (recent.isEmpty()) {
                continue;
            }
            List<Usage> missed = recent.stream().filter(u -> !u.matched()).toList();
            List<Crossings.Crossing> astray = crossings.stream().filter(c -> c.caller().equals(m.consumer())
                    && !c.lastSeen().isBefore(since) && (state == MigrationState.VERIFIED_STAGING
                    ? c.environment().equals(environment) && production.getOrDefault(c.origin(), false)
                    : c.origin().equals(environment) && !c.environment().equals(environment))).toList();
            List<String> warnings = new ArrayList<>(m.warnings());
            if (!missed.isEmpty()) {
                Usage first = missed.get(0);
                warnings.add("in " + environment + " since " + what + " runs there it still calls what that no longer"
                        + " serves: " + first.operation().substring(2) + " (" + calls(first.count()) + ", last "
                        + show(first.lastSeen()) + ")" + (missed.size() > 1 ? " and " + (missed.size() - 1) + " more" : ""));
            }
            if (missed.isEmpty() && astray.isEmpty()) {
                long operations = recent.stream().map(Usage::operation).distinct().count();
                out.put(m.consumer(), new Migration(m.consumer(), m.known(), m.service(), m.declared(), m.observed(),
                        state, environment + "'s logs since " + what + " runs there (" + show(since) + "): it calls "
                        + operations + " operation" + (operations == 1 ? "" : "s") + " of the new API and nothing"
                        + " it no longer serves", m.stillCalls(), warnings));
            } else {
                out.put(m.consumer(), new Migration(m.consumer(), m.known(), m.service(), m.declared(), m.observed(),
                        m.state(), m.why(), m.stillCalls(), warnings));
            }
        }
    }

    /** Warns each consumer whose calls crossed from one environment's hosts into another's service. */
    private static void warnCrossings(Map<String, Migration> out, List<Crossings.Crossing> crossings,
                                      Map<String, Boolean> production, Instant since) {
        for (Crossings.Crossing c : crossings) {
            Migration m = out.get(c.caller());
            if (m == null || c.lastSeen().isBefore(since)) {
                continue;
            }
            boolean fromProduction = production.getOrDefault(c.origin(), false);
            boolean intoProduction = production.getOrDefault(c.environment(), false);
            if (fromProduction == intoProduction) {
                continue;
            }
            String warning = (fromProduction
                    ? "a production host (" + c.address() + ", " + c.origin() + ") calls " + c.environment()
                    + ": ported but still pointing at " + c.environment() + "?"
                    : "a " + c.origin() + " host (" + c.address() + ") calls " + c.environment()
                    + ": testing against " + c.environment() + "?")
                    + " (" + calls(c.count()) + ", last " + show(c.lastSeen()) + ")";
            if (m.warnings().contains(warning)) {
                continue;
            }
            List<String> warnings = new ArrayList<>(m.warnings());
            warnings.add(warning);
            out.put(m.consumer(), new Migration(m.consumer(), m.known(), m.service(), m.declared(), m.observed(),
                    m.state(), m.why(), m.stillCalls(), warnings));
        }
    }

    static String calls(long n) {
        return n + (n == 1 ? " call" : " calls");
    }

    /** "2026-06-12 09:30 UTC". */
    static String show(Instant t) {
        return org.breakwater.text.Moments.show(t);
    }
}
