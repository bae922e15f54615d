package org.breakwater.deployday.postmortem;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.breakwater.announce.AnnounceService;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.board.BoardService;
import org.breakwater.deployday.board.DayIncidents;
import org.breakwater.deployday.measures.DayMeasures;
import org.breakwater.deployday.measures.MeasuresService;
import org.breakwater.deployday.roster.RosterService;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlannedRelease;

/** Gathers a plan's record and writes the post-mortem draft. */
public final class PostMortemService {
    /** Deployments read per service around the window. */
    static final int HISTORY = 200;
    /** Deployments up to this long after the window still belong to the day (a late fix, a rollback). */
    static final Duration AFTER = Duration.ofDays(1);

    private final PlanService plans;
    private final CatalogService catalog;
    private final AnnounceService announcements;
    private final BoardService board;
    private final RosterService roster;
    private final MeasuresService measures;
    private final DayIncidents incidents;
    private final Clock clock;

    public PostMortemService(PlanService plans, CatalogService catalog, AnnounceService announcements, BoardService board,
                             RosterService roster, MeasuresService measures, DayIncidents incidents, Clock clock) {
        this.plans = plans;
        this.catalog = catalog;
        this.announcements = announcements;
        this.board = board;
        this.roster = roster;
        this.measures = measures;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The draft in Markdown. */
    public Outcome<String> draft(long planId) {
        Outcome<PlanReport> report = plans.report(planId);
        if (report instanceof Outcome.Refused<PlanReport> r) {
            return Outcome.refused(r.reason());
        }
        PlanReport r = ((Outcome.Done<PlanReport>) report).value();
        DayMeasures m = ((Outcome.Done<DayMeasures>) measures.day(planId)).value();
        PostMortemFacts facts = new PostMortemFacts(r, announcements.list(Optional.of(planId)), deployments(r.plan()),
                board.ticks(planId), roster.members(planId), incidents.forPlan(planId), m, clock.instant());
        return Outcome.done(PostMortemWriter.write(facts));
    }

    /**
     * The plan's services' deployments to its environment from when the plan was made (a plan started
     * early still counts) to a day after its window, oldest first.
     */
    private List<Deployment> deployments(Plan plan) {
        return plan.releases().stream().map(PlannedRelease::service).distinct()
                .flatMap(s -> catalog.history(s, Optional.of(plan.environment()), HISTORY).stream())
                .filter(d -> !d.at().isBefore(plan.createdAt()) && !d.at().isAfter(plan.end().plus(AFTER)))
                .sorted(java.util.Comparator.comparing(Deployment::at)).toList();
    }
}
