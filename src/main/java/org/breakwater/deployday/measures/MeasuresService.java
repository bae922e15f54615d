package org.breakwater.deployday.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Service;
import org.breakwater.deployday.board.DayIncident;
import org.breakwater.deployday.board.DayIncidents;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;

/** Computes the measures from the record: deployments, plans, incidents (docs/deployment-day.md, "Measures"). */
public final class MeasuresService {
    /** Longest window asked for, and how many deployments of one service are read. */
    public static final int MAX_DAYS = 3660;
    static final int HISTORY = 10_000;
    static final int HISTORY_PER_PLAN = 200;

    private final CatalogService catalog;
    private final PlanService plans;
    private final DayIncidents incidents;
    private final Clock clock;

    public MeasuresService(CatalogService catalog, PlanService plans, DayIncidents incidents, Clock clock) {
        this.catalog = catalog;
        this.plans = plans;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** One deployment's incidents and the times to detect, acknowledge and repair them. */
    public Outcome<DayMeasures> day(long planId) {
        Optional<Plan> plan = plans.plan(planId);
        if (plan.isEmpty()) {
            return Outcome.refused("no plan " + planId);
        }
        List<DayIncident> list = incidents.forPlan(planId);
        List<Duration> detect = new ArrayList<>();
        List<Duration> ack = new ArrayList<>();
        List<Duration> repair = new ArrayList<>();
        Instant cutOver = cutOver(plan.get());
        for (DayIncident i : list) {
            Instant from = i.startedAt().orElse(cutOver);
            if (!i.detectedAt().isBefore(from)) {
                detect.add(Duration.between(from, i.detectedAt()));
            }
            i.acknowledgedAt().ifPresent(a -> ack.add(Duration.between(i.detectedAt(), a)));
            i.resolvedAt().ifPresent(r -> repair.add(Duration.between(i.detectedAt(), r)));
        }
        int open = (int) list.stream().filter(i -> i.resolvedAt().isEmpty()).count();
        return Outcome.done(new DayMeasures(planId, plan.get().title(), list.size(), open, Spread.of(detect),
                Spread.of(ack), Spread.of(repair)));
    }

    /**
     * When the plan's change reached its environment: the first deployment of one of its releases
     * there since the plan was made (or a day before its start, if earlier), else its start.
     */
    private Instant cutOver(Plan plan) {
        Instant since = plan.createdAt().isBefore(plan.start().minus(Duration.ofDays(1))) ? plan.createdAt()
                : plan.start().minus(Duration.ofDays(1));
        return plan.releases().stream().flatMap(r -> catalog.history(r.service(), Optional.of(plan.environment()),
                        HISTORY_PER_PLAN).stream().filter(d -> d.version().equals(r.version()) && !d.at().isBefore(since)))
                .map(Deployment::at).min(Instant::compareTo).orElse(plan.start());
    }

    /** The four keys over the last {@code days} days. */
    public Outcome<Measures> keys(int days) {
        if (days < 1 || days > MAX_DAYS) {
            return Outcome.refused("--days is between 1 and " + MAX_DAYS + ", not " + days);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        Set<String> production = catalog.environments().stream().filter(Environment::production)
                .map(Environment::name).collect(Collectors.toSet());
        List<Plan> failedPlans = plans.list(Optional.empty()).stream().filter(p -> p.status() == PlanStatus.ROLLED_BACK
                || (p.status() != PlanStatus.CANCELLED && !incidents.forPlan(p.id()).isEmpty())).toList();
        Map<String, List<Change>> byService = new LinkedHashMap<>();
        for (Service s : catalog.services()) {
            List<Deployment> history = catalog.history(s.name(), Optional.empty(), HISTORY);
            byService.put(s.name(), Changes.of(history, production, from, to, failedPlans, incidents));
        }
        List<FourKeys> services = new ArrayList<>();
        Map<String, List<Change>> byTeam = new LinkedHashMap<>();
        List<Change> all = new ArrayList<>();
        for (Service s : catalog.services()) {
            List<Change> changes = byService.get(s.name());
            if (!changes.isEmpty()) {
                services.add(Changes.keys(s.name(), changes, days));
            }
            byTeam.computeIfAbsent(s.owner(), k -> new ArrayList<>()).addAll(changes);
            all.addAll(changes);
        }
        List<FourKeys> teams = new ArrayList<>();
        byTeam.forEach((team, changes) -> {
            if (!changes.isEmpty()) {
                teams.add(Changes.keys(team, changes, days));
            }
        });
        return Outcome.done(new Measures(from, to, Changes.keys("all", all, days), services, teams,
                Changes.weeks(all, from, to)));
    }

    /** One production deployment: when, its lead time from staging, and whether it failed and how long it took to restore. */
    record Change(Instant at, Optional<Duration> leadTime, boolean failed, Optional<Duration> restore) {
    }
}
