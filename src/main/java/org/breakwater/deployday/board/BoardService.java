package org.breakwater.deployday.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.Kind;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.roster.RosterService;
import org.breakwater.deployday.roster.RosterView;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;

/** The day's board and what is done from it: ticking the checklist, and rolling back. */
public final class BoardService {
    private final BoardRepository ticks;
    private final PlanService plans;
    private final CatalogService catalog;
    private final RosterService roster;
    private final AnnounceService announcements;
    private final DayIncidents incidents;
    private final Clock clock;
    private Atomically atomically = Atomically.NOT;
    private Optional<LiveRates> rates = Optional.empty();

    public BoardService(BoardRepository ticks, PlanService plans, CatalogService catalog, RosterService roster,
                        AnnounceService announcements, DayIncidents incidents, Clock clock) {
        this.ticks = ticks;
        this.plans = plans;
        this.catalog = catalog;
        this.roster = roster;
        this.announcements = announcements;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Rollbacks run as one transaction of {@code atomically}: nothing half-written when one fails. */
    public BoardService atomically(Atomically atomically) {
        this.atomically = atomically;
        return this;
    }

    /** The board shows live error rates worked out by {@code rates}. */
    public BoardService rates(LiveRates rates) {
        this.rates = Optional.of(rates);
        return this;
    }

    public Outcome<Board> board(long planId) {
        Outcome<PlanReport> report = plans.report(planId);
        if (report instanceof Outcome.Refused<PlanReport> r) {
            return Outcome.refused(r.reason());
        }
        PlanReport r = ((Outcome.Done<PlanReport>) report).value();
        RosterView view = ((Outcome.Done<RosterView>) roster.view(planId)).value();
        List<Tick> done = ticks.ticks(planId);
        List<Board.Item> items = new ArrayList<>();
        for (ChecklistStep s : ChecklistStep.values()) {
            items.add(new Board.Item(s, done.stream().filter(t -> t.step() == s).findFirst()));
        }
        ErrorRates live = rates.map(l -> l.of(r.plan(), r.migrations().stream().map(m -> m.consumer())
                .collect(java.util.stream.Collectors.toSet()))).orElse(ErrorRates.NONE);
        return Outcome.done(new Board(r.plan(), items, view, incidents.forPlan(planId), r.migrations(),
                Rollbacks.readiness(catalog, r.plan()), live));
    }

    public List<Tick> ticks(long planId) {
        return ticks.ticks(planId);
    }

    /** Ticks {@code step}: the plan is scheduled or in progress, and the steps before it are ticked. */
    public Outcome<Tick> tick(long planId, ChecklistStep step, String by, Optional<String> note) {
        Optional<Plan> plan = plans.plan(planId);
        if (plan.isEmpty()) {
            return Outcome.refused("no plan " + planId);
        }
        PlanStatus status = plan.get().status();
        if (status != PlanStatus.SCHEDULED && status != PlanStatus.IN_PROGRESS) {
            return Outcome.refused("plan " + planId + " is " + status.id() + ": only a scheduled or in-progress plan's"
                    + " checklist is ticked");
        }
        List<Tick> done = ticks.ticks(planId);
        for (ChecklistStep before : ChecklistStep.values()) {
            if (before == step) {
                break;
            }
            if (done.stream().noneMatch(t -> t.step() == before)) {
                return Outcome.refused("tick " + before.id() + " first: the checklist goes in order");
            }
        }
        Tick t = new Tick(planId, step, by, clock.instant(), note.filter(n -> !n.isBlank()));
        if (!ticks.tick(t)) {
            Tick was = ticks.ticks(planId).stream().filter(x -> x.step() == step).findFirst().orElseThrow();
            return Outcome.refused(step.id() + " was ticked already by " + was.by() + " at "
                    + org.breakwater.text.Moments.show(was.at()));
        }
        return Outcome.done(t);
    }

    /**
     * Rolls the plan back: records the earlier version's deployment of every release already out,
     * moves the plan to rolled-back and drafts the rolled-back notice. Everything is checked before
     * anything is written: the plan is in progress and {@link RollbackReadiness#possible()}; the writes
     * are one transaction, so a failure (or a refusal) on the way leaves nothing of them.
     */
    public Outcome<RolledBack> rollback(long planId, String by) {
        Optional<Plan> plan = plans.plan(planId);
        if (plan.isEmpty()) {
            return Outcome.refused("no plan " + planId);
        }
        if (plan.get().status() != PlanStatus.IN_PROGRESS) {
            return Outcome.refused("plan " + planId + " is " + plan.get().status().id()
                    + ": only a plan in progress is rolled back");
        }
        RollbackReadiness ready = Rollbacks.readiness(catalog, plan.get());
        if (!ready.possible()) {
            return Outcome.refused("plan " + planId + " cannot be rolled back: " + String.join("; ", ready.problems()));
        }
        try {
            return Outcome.done(atomically.run(() -> rollBack(plan.get(), ready, by)));
        } catch (Undone u) {
            return Outcome.refused(u.getMessage());
        }
    }

    /** A refusal met half-way through a rollback: thrown to undo what was written before it. */
    private static final class Undone extends RuntimeException {
        Undone(String reason) {
            super(reason, null, false, false);
        }
    }

    private static <T> T done(Outcome<T> o) {
        if (o instanceof Outcome.Refused<T> r) {
            throw new Undone(r.reason());
        }
        return ((Outcome.Done<T>) o).value();
    }

    private RolledBack rollBack(Plan plan, RollbackReadiness ready, String by) {
        List<Deployment> recorded = new ArrayList<>();
        for (RollbackReadiness.Step s : ready.steps()) {
            boolean out = catalog.placement(s.service(), plan.environment())
                    .filter(p -> p.version().equals(s.from())).isPresent();
            if (out) {
                recorded.add(done(catalog.recordDeployment(new NewDeployment(s.service(), s.to(), plan.environment(),
                        clock.instant(), by, Optional.of("rollback of plan " + plan.id() + " (" + s.service() + " "
                        + s.from() + ")")), Optional.empty())));
            }
        }
        Plan moved = done(plans.setStatus(plan.id(), PlanStatus.ROLLED_BACK));
        Outcome<List<Announcement>> notice = announcements.draft(plan.id(), Kind.ROLLED_BACK, Optional.empty(),
                Optional.empty(), by);
        List<Announcement> drafted = notice instanceof Outcome.Done<List<Announcement>> d ? d.value() : List.of();
        return new RolledBack(moved, recorded, drafted);
    }
}
