package org.breakwater.deployday.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.catalog.Deployment;
import org.breakwater.deployday.board.DayIncident;
import org.breakwater.deployday.board.DayIncidents;
import org.breakwater.plan.Plan;

/** Production deployments read as changes (docs/deployment-day.md defines what failed and what restored means). */
final class Changes {
    /** The notes a rollback's deployment carries (BoardService writes them). */
    static final String ROLLBACK = "rollback of plan";

    private Changes() {
    }

    /** {@code history} is one service's deployments, newest first. */
    static List<MeasuresService.Change> of(List<Deployment> history, Set<String> production, Instant from, Instant to,
                                           List<Plan> failedPlans, DayIncidents incidents) {
        List<MeasuresService.Change> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Deployment d = history.get(i);
            if (!production.contains(d.environment()) || d.at().isBefore(from) || d.at().isAfter(to) || rollback(d)) {
                continue;
            }
            Optional<Duration> lead = history.stream().filter(x -> !production.contains(x.environment())
                            && x.version().equals(d.version()) && !x.at().isAfter(d.at()))
                    .map(Deployment::at).min(Instant::compareTo).map(s -> Duration.between(s, d.at()));
            Optional<Deployment> next = history.subList(0, i).stream()
                    .filter(x -> x.environment().equals(d.environment())).reduce((a, b) -> b);
            Optional<Plan> failedPlan = failedPlans.stream().filter(p -> p.environment().equals(d.environment())
                    && p.releases().stream().anyMatch(r -> r.service().equals(d.service())
                    && r.version().equals(d.version()))).findFirst();
            boolean rolledBack = next.filter(Changes::rollback).isPresent();
            boolean failed = rolledBack || failedPlan.isPresent();
            Optional<Duration> restore = Optional.empty();
            if (rolledBack) {
                restore = Optional.of(Duration.between(d.at(), next.get().at()));
            } else if (failedPlan.isPresent()) {
                restore = restored(d, incidents.forPlan(failedPlan.get().id()));
            }
            out.add(new MeasuresService.Change(d.at(), lead, failed, restore));
        }
        return out;
    }

    private static boolean rollback(Deployment d) {
        return d.notes().filter(n -> n.startsWith(ROLLBACK)).isPresent();
    }

    /** From the deployment to the last incident resolved, when all are. */
    private static Optional<Duration> restored(Deployment d, List<DayIncident> list) {
        if (list.isEmpty() || list.stream().anyMatch(x -> x.resolvedAt().isEmpty())) {
            return Optional.empty();
        }
        Instant last = list.stream().map(x -> x.resolvedAt().get()).max(Instant::compareTo).orElseThrow();
        return Optional.of(Duration.between(d.at(), last));
    }

    static FourKeys keys(String group, List<MeasuresService.Change> changes, int days) {
        List<Duration> leads = changes.stream().flatMap(c -> c.leadTime().stream()).toList();
        int failures = (int) changes.stream().filter(MeasuresService.Change::failed).count();
        List<Duration> restores = changes.stream().flatMap(c -> c.restore().stream()).toList();
        return new FourKeys(group, changes.size(), changes.size() * 7.0 / days, Spread.median(leads), leads.size(),
                failures, changes.isEmpty() ? Optional.empty() : Optional.of((double) failures / changes.size()),
                Spread.median(restores));
    }

    static List<Measures.Week> weeks(List<MeasuresService.Change> changes, Instant from, Instant to) {
        List<Measures.Week> weeks = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(Duration.ofDays(7))) {
            Instant s = start;
            Instant e = start.plus(Duration.ofDays(7));
            List<MeasuresService.Change> in = changes.stream().filter(c -> !c.at().isBefore(s) && c.at().isBefore(e))
                    .toList();
            weeks.add(new Measures.Week(s, in.size(), (int) in.stream().filter(MeasuresService.Change::failed).count()));
        }
        return weeks;
    }
}
