package org.breakwater.staging.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Plan;
import org.breakwater.staging.SuiteSchedule;

/**
 * The replay's schedule inside {@code serve}, beside the suites' (docs/decisions/0025): each open
 * plan's replay is due on the policy's {@code staging.replaySchedule} (cron, UTC), and each tick
 * every plan whose stored due time has come is replayed once, by the one instance whose
 * compare-and-set moves the due time forward (as {@code SuiteScheduler} does, decision 0012), so
 * several instances on one PostgreSQL replay it once. A deployment to a non-production
 * environment makes the open plans releasing that service due now.
 */
public final class ReplayScheduler {
    private final ReplayRepository repository;
    private final ReplayService replays;
    private final Supplier<List<Plan>> openPlans;
    private final Optional<String> cron;
    private final Clock clock;
    private final String owner;
    private final Executor executor;
    private final Consumer<String> log;

    /**
     * {@code cron}: the policy's schedule (empty: off, nothing is replayed); {@code openPlans}: the
     * plans still to happen or happening; {@code log} hears one line per replay done or refused.
     */
    public ReplayScheduler(ReplayRepository repository, ReplayService replays, Supplier<List<Plan>> openPlans,
                           Optional<String> cron, Clock clock, String owner, Executor executor, Consumer<String> log) {
        this.repository = repository;
        this.replays = replays;
        this.openPlans = openPlans;
        this.cron = cron;
        this.clock = clock;
        this.owner = owner;
        this.executor = executor;
        this.log = log;
    }

    /** Takes the open plans whose replay is due now that no other instance took, and replays each on the executor; their ids. */
    public List<Long> tick() {
        List<Long> taken = new ArrayList<>();
        if (cron.isEmpty()) {
            return taken;
        }
        for (Plan p : openPlans.get()) {
            if (take(p, cron.get())) {
                taken.add(p.id());
                executor.execute(() -> replay(p));
            }
        }
        return taken;
    }

    private boolean take(Plan plan, String schedule) {
        Instant now = clock.instant();
        Optional<Instant> due = repository.nextDue(plan.id());
        if (due.isEmpty()) {
            repository.addDue(plan.id(), SuiteSchedule.next(schedule, ZoneOffset.UTC, now), now);
            return false;
        }
        if (due.get().isAfter(now)) {
            return false;
        }
        return repository.take(plan.id(), due.get(), SuiteSchedule.next(schedule, ZoneOffset.UTC, now), owner, now);
    }

    private void replay(Plan plan) {
        Outcome<ReplayRun> run = replays.replay(plan, Optional.empty(), ReplayLimits.defaults(), Set.of());
        if (run instanceof Outcome.Done<ReplayRun> d) {
            ReplayRun r = d.value();
            log.accept("plan " + plan.id() + " replayed (run " + r.id() + "): " + r.calls() + " call(s), "
                    + r.real().size() + " difference(s), " + r.unanswered() + " unanswered");
        } else {
            log.accept("plan " + plan.id() + " not replayed: " + ((Outcome.Refused<ReplayRun>) run).reason());
        }
    }

    /**
     * A deployment of {@code service} to a non-{@code production} environment was recorded: the
     * open plans releasing that service become due now, so the next tick of any instance whose
     * schedule is on replays them once. Those plans.
     */
    public List<Plan> deployed(String service, boolean production) {
        List<Plan> due = new ArrayList<>();
        if (production) {
            return due;
        }
        Instant now = clock.instant();
        for (Plan p : openPlans.get()) {
            if (p.releases().stream().anyMatch(r -> r.service().equals(service))) {
                repository.setDue(p.id(), now, now);
                due.add(p);
            }
        }
        return due;
    }
}
