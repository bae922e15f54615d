package org.breakwater.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Release;
import org.breakwater.catalog.Service;
import org.breakwater.calendar.Proposal;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.policy.Policy;
import org.breakwater.text.Suggestions;
import java.util.function.Supplier;

/**
 * Deployment plans' use cases: create and schedule, assess, track gates, and answer
 * "can this go to production now?". Start here.
 */
public final class PlanService {
    /** Every gate id the policy can produce (docs/policy.md). */
    public static final Set<String> GATES = Set.of("meeting-decision", "api-break-notice", "outage-notice", "reminders",
            "meeting", "staging-candidate", "staging-green", "consumers-acknowledged", "consumers-migrated", "roster",
            "freeze", ReplayGate.ID);

    private final PlanRepository plans;
    private final CatalogService catalog;
    private final Policy policy;
    private final Supplier<ReleaseCalendar> calendar;
    private final Clock clock;
    private final PlanEvents events;
    private volatile MigrationSource migrations = MigrationSource.RECORDED;
    private volatile ReplayCheck.Source replays = ReplayCheck.Source.NONE;
    private volatile StagingEvidence staging = StagingEvidence.NONE;
    private volatile RosterConfirmations roster = RosterConfirmations.NONE;
    private final KeptReports kept = new KeptReports();

    public PlanService(PlanRepository plans, CatalogService catalog, Policy policy, Supplier<ReleaseCalendar> calendar,
                       Clock clock) {
        this(plans, catalog, policy, calendar, clock, PlanEvents.NONE);
    }

    /** {@code events} hears of every plan made, moved or rescheduled. */
    public PlanService(PlanRepository plans, CatalogService catalog, Policy policy, Supplier<ReleaseCalendar> calendar,
                       Clock clock, PlanEvents events) {
        this.plans = plans;
        this.catalog = catalog;
        this.policy = policy;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
    }

    /** Where consumer migrations come from (default: declared consumers and recorded evidence only). */
    public PlanService migrations(MigrationSource source) {
        this.migrations = source;
        kept.clear();
        return this;
    }

    /** Where the staging-replay gate reads the newest replay of a plan (default: none). */
    public PlanService replays(ReplayCheck.Source source) {
        this.replays = source;
        kept.clear();
        return this;
    }

    /** Evidence computed from staging (default: none; recorded evidence only). */
    public PlanService staging(StagingEvidence source) {
        this.staging = source;
        kept.clear();
        return this;
    }

    /** Where the roster gate hears of confirmations besides hand-recorded evidence (default: none). */
    public PlanService roster(RosterConfirmations source) {
        this.roster = source;
        kept.clear();
        return this;
    }

    /**
     * Where the store's change token comes from ({@code Database.changes()}): with one, the last
     * report and answer of each plan are reused while the store has taken no write, within the same
     * second ({@link KeptReports}). Without (the default) every report is made afresh.
     */
    public PlanService changes(java.util.function.Supplier<String> token) {
        kept.changes(token);
        return this;
    }

    public Policy policy() {
        return policy;
    }

    public Outcome<Plan> create(NewPlan p) {
        return create(p, false);
    }

    /**
     * A new plan, once its input is within bounds ({@link PlanInput}). A scheduled plan whose start
     * has passed needs {@code force} (a deployment recorded after the fact).
     */
    public Outcome<Plan> create(NewPlan p, boolean force) {
        Optional<String> refused = PlanInput.refusal(p, catalog.environments(), clock.instant(), force);
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        List<PlannedRelease> releases = new ArrayList<>();
        for (String service : p.services()) {
            if (catalog.service(service).isEmpty()) {
                return Outcome.refused(catalog.unknownService(service));
            }
            String version = p.releases().get(service);
            Optional<String> hash = Optional.ofNullable(p.descriptions().get(service)).map(catalog::storeApi);
            Optional<Release> known = catalog.release(service, version);
            if (hash.isPresent() && known.flatMap(Release::apiHash).filter(h -> !h.equals(hash.get())).isPresent()) {
                return Outcome.refused(service + " " + version + " was recorded with another API description ("
                        + ApiDescription.shortHash(known.get().apiHash().get()) + "); a release's API cannot change");
            }
            releases.add(new PlannedRelease(service, version, hash.or(() -> known.flatMap(Release::apiHash))));
        }
        for (String service : p.descriptions().keySet()) {
            if (!p.releases().containsKey(service)) {
                return Outcome.refused("--spec names " + service + ", which the plan does not ship");
            }
        }
        if (p.status() != PlanStatus.DRAFT && p.status() != PlanStatus.SCHEDULED) {
            return Outcome.refused("a new plan is a draft or scheduled, not " + p.status().id());
        }
        Plan plan = new Plan(0, p.title(), releases, p.environment(), p.start(), p.duration(), p.owner(), p.ticket(),
                p.status(), clock.instant());
        if (p.status() == PlanStatus.SCHEDULED) {
            Optional<String> frozen = frozen(plan, List.of());
            if (frozen.isPresent()) {
                return Outcome.refused(frozen.get() + "; create it as a draft, record the freeze-break approvals"
                        + " (gate record PLAN freeze --by USER), then schedule it — or pick another date (plan propose)");
            }
        }
        Plan made = plans.create(plan);
        events.happened(made.status() == PlanStatus.SCHEDULED ? "deployment.scheduled" : "deployment.planned", made);
        return Outcome.done(made);
    }

    /**
     * What to tell whoever just made or moved plan {@code id}: a start in the past, gates already
     * failed (their deadline passed). Empty when all is well.
     */
    public List<String> warnings(long id) {
        Optional<Plan> plan = plans.plan(id);
        if (plan.isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        PlanInput.past(plan.get().start(), clock.instant()).ifPresent(warnings::add);
        report(plan.get()).gates().stream().filter(g -> g.state() == GateState.FAILED)
                .forEach(g -> warnings.add("gate " + g.id() + " has failed already: " + g.detail()));
        return warnings;
    }

    public Optional<Plan> plan(long id) {
        return plans.plan(id);
    }

    public List<Plan> list(Optional<PlanStatus> status) {
        return plans.plans(status);
    }

    public Outcome<Plan> setStatus(long id, PlanStatus status) {
        Optional<Plan> plan = plans.plan(id);
        if (plan.isEmpty()) {
            return Outcome.refused("no plan " + id);
        }
        if (!plan.get().status().next().contains(status)) {
            return Outcome.refused("plan " + id + " is " + plan.get().status().id() + " and cannot become "
                    + status.id() + " (it can become: " + String.join(", ",
                    plan.get().status().next().stream().map(PlanStatus::id).sorted().toList()) + ")");
        }
        Plan updated = plan.get().withStatus(status);
        if (status == PlanStatus.SCHEDULED) {
            Optional<String> frozen = frozen(updated, plans.evidence(id));
            if (frozen.isPresent()) {
                return Outcome.refused(frozen.get() + "; record the freeze-break approvals (gate record " + id
                        + " freeze --by USER) or move the plan (plan propose " + id + " --apply)");
            }
        }
        plans.update(updated);
        events.happened(PlanEvents.of(status), updated);
        return Outcome.done(updated);
    }

    public Outcome<Plan> reschedule(long id, Instant start) {
        Optional<Plan> plan = plans.plan(id);
        if (plan.isEmpty()) {
            return Outcome.refused("no plan " + id);
        }
        if (!plan.get().status().open() || plan.get().status() == PlanStatus.IN_PROGRESS) {
            return Outcome.refused("plan " + id + " is " + plan.get().status().id() + "; only a draft or scheduled plan moves");
        }
        Optional<String> far = PlanInput.start(start, clock.instant());
        if (far.isPresent()) {
            return Outcome.refused(far.get());
        }
        Plan updated = plan.get().withStart(start);
        if (updated.status() == PlanStatus.SCHEDULED) {
            Optional<String> frozen = frozen(updated, plans.evidence(id));
            if (frozen.isPresent()) {
                return Outcome.refused(frozen.get() + "; record the freeze-break approvals first");
            }
        }
        plans.update(updated);
        events.happened("deployment.rescheduled", updated);
        return Outcome.done(updated);
    }

    /**
     * Why {@code plan} cannot be scheduled where it is: a freeze-sensitive service inside a
     * freeze without the freeze-break approvals the policy asks for. Empty when it can.
     */
    private Optional<String> frozen(Plan plan, List<Evidence> evidence) {
        if (!policy.freeze().blocksFrozenServices()) {
            return Optional.empty();
        }
        List<String> sensitive = plan.releases().stream().map(PlannedRelease::service)
                .filter(s -> catalog.service(s).map(Service::freezeSensitive).orElse(false)).toList();
        var freezes = calendar.get().freezesOverlapping(plan.start(), plan.end());
        long approvals = evidence.stream().filter(e -> e.gate().equals("freeze")).map(Evidence::by).distinct().count();
        if (sensitive.isEmpty() || freezes.isEmpty() || approvals >= policy.freeze().freezeBreakApprovals()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", sensitive) + " is frozen during " + freezes.get(0).name() + " ("
                + GateEvaluator.day(freezes.get(0).start()) + " → " + GateEvaluator.day(freezes.get(0).end())
                + "), and the plan has " + approvals + " of the " + policy.freeze().freezeBreakApprovals()
                + " freeze-break approvals");
    }

    public Outcome<PlanReport> report(long id) {
        KeptReports.Stamp stamp = kept.stamp(clock.instant());
        Optional<PlanReport> known = kept.report(id, stamp);
        if (known.isPresent()) {
            return Outcome.done(known.get());
        }
        Optional<Plan> plan = plans.plan(id);
        if (plan.isEmpty()) {
            return Outcome.refused("no plan " + id + " (breakwater plan list)");
        }
        PlanReport r = report(plan.get());
        kept.keep(id, stamp, r, Optional.empty());
        return Outcome.done(r);
    }

    /** The last assessment of each plan, reused while its key holds (a server answers the same plan often). */
    private final KeptAssessments assessed = new KeptAssessments();

    private Assessment assessment(Plan plan, List<Evidence> evidence, Map<String, List<Placement>> running) {
        return assessed.of(plan, evidence, running, catalog, policy, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private PlanReport report(Plan plan) {
        List<Evidence> evidence = plans.evidence(plan.id());
        Map<String, List<Placement>> running = new HashMap<>();
        plan.releases().forEach(r -> running.computeIfAbsent(r.service(), catalog::running));
        Assessment assessment = assessment(plan, evidence, running);
        Instant now = clock.instant();
        List<String> stagingRuns = new ArrayList<>();
        Catalog all = catalog.export();
        Set<String> production = new TreeSet<>();
        all.environments().stream().filter(Environment::production).forEach(e -> production.add(e.name()));
        Set<String> essential = new TreeSet<>();
        for (PlannedRelease r : plan.releases()) {
            for (Placement p : all.service(r.service()).isPresent() ? running.get(r.service()) : List.<Placement>of()) {
                if (!production.contains(p.environment())) {
                    stagingRuns.add(p.service() + " " + p.version());
                }
            }
        }
        List<Migration> moved = migrations.migrations(assessment, evidence, now);
        essential.addAll(ConsumerTally.essential(moved, all));
        List<Evidence> judged = new ArrayList<>(evidence);
        judged.addAll(roster.confirmations(plan.id()));
        judged.addAll(staging.evidence(plan, now));
        GateEvaluator.Facts facts = new GateEvaluator.Facts(judged, plans.waivers(plan.id()), stagingRuns,
                calendar.get().freezesOverlapping(plan.start(), plan.end()).stream()
                        .map(w -> new FreezeWindow(w.name(), w.start(), w.end())).toList(),
                essential, now, moved, replays.latest(plan.id()));
        return new PlanReport(plan, assessment, new GateEvaluator(policy).gates(assessment, facts), moved);
    }

    public Outcome<Evidence> record(long id, String gate, String evidence, String by, Optional<Instant> at,
                                    Optional<String> note, Optional<String> decision) {
        if (plans.plan(id).isEmpty()) {
            return Outcome.refused("no plan " + id);
        }
        if (!GATES.contains(gate)) {
            return Outcome.refused("unknown gate '" + gate + "'" + Suggestions.didYouMean(gate, GATES) + " (gates: "
                    + String.join(", ", new TreeSet<>(GATES)) + ")");
        }
        if (decision.isPresent() && !gate.equals(Assessor.MEETING_DECISION)) {
            return Outcome.refused("--decision belongs to the " + Assessor.MEETING_DECISION + " gate");
        }
        if (gate.equals(Assessor.MEETING_DECISION)
                && (decision.isEmpty() || !Set.of("applies", "exempt").contains(decision.get()))) {
            return Outcome.refused("the meeting decision is --decision applies or --decision exempt");
        }
        if (evidence.isBlank()) {
            return Outcome.refused("the evidence is empty: give the link (or a line) that proves the gate");
        }
        Optional<String> future = at.flatMap(t -> PlanInput.evidenceTime(t, clock.instant()));
        if (future.isPresent()) {
            return Outcome.refused(future.get());
        }
        Optional<EvidenceProblem> useless = EvidenceCheck.problem(report(plans.plan(id).get()), gate, note);
        if (useless.isPresent()) {
            return Outcome.refused(useless.get().message());
        }
        return Outcome.done(plans.addEvidence(id, gate, evidence, by, at.orElse(clock.instant()), note, decision));
    }

    /**
     * Why evidence for {@code gate} of plan {@code id} with {@code note} (a consumer's name, or a
     * roster role) would count for nothing, if it would; {@link #record} refuses it for the same reason.
     */
    public Optional<EvidenceProblem> evidenceProblem(long id, String gate, Optional<String> note) {
        return plans.plan(id).flatMap(p -> EvidenceCheck.problem(report(p), gate, note));
    }

    public Outcome<Waiver> waive(long id, String gate, String reason, String approver) {
        if (plans.plan(id).isEmpty()) {
            return Outcome.refused("no plan " + id);
        }
        if (!GATES.contains(gate)) {
            return Outcome.refused("unknown gate '" + gate + "'");
        }
        if (reason == null || reason.isBlank() || approver == null || approver.isBlank()) {
            return Outcome.refused("a waiver needs a reason (--reason) and an approver (--approver)");
        }
        Waiver w = new Waiver(id, gate, reason, approver, clock.instant());
        plans.waive(w);
        return Outcome.done(w);
    }

    /**
     * The earliest start for plan {@code id} that satisfies every constraint the policy and the
     * calendar set, with the reason for each (docs/plans.md lists them).
     */
    public Outcome<Proposal> propose(long id, Optional<Instant> notBefore) {
        Optional<Plan> found = plans.plan(id);
        if (found.isEmpty()) {
            return Outcome.refused("no plan " + id);
        }
        return Outcome.done(new Proposer(catalog, policy, calendar.get(), clock.instant())
                .propose(report(found.get()), plans.evidence(id), notBefore));
    }

    /** The planned deployments (not drafts or cancelled ones) as calendar events, for an .ics feed. */
    public List<org.breakwater.calendar.CalendarEvent> schedule() {
        return schedule(problem -> { });
    }

    /** The same, each entry that cannot be written whole ({@link PlanFeed}) told to {@code problems}. */
    public List<org.breakwater.calendar.CalendarEvent> schedule(java.util.function.Consumer<String> problems) {
        return PlanFeed.events(plans.plans(Optional.empty()), problems);
    }

    /** May plan {@code id} go ahead now? */
    public Outcome<CanDeploy> canDeploy(long id) {
        KeptReports.Stamp stamp = kept.stamp(clock.instant());
        Optional<CanDeploy> known = kept.answer(id, stamp);
        if (known.isPresent()) {
            return Outcome.done(known.get());
        }
        Optional<PlanReport> report = kept.report(id, stamp);
        if (report.isEmpty()) {
            Optional<Plan> plan = plans.plan(id);
            if (plan.isEmpty()) {
                return Outcome.refused("no plan " + id + " (breakwater plan list)");
            }
            report = Optional.of(report(plan.get()));
        }
        CanDeploy answer = answer(report.get());
        kept.keep(id, stamp, report.get(), Optional.of(answer));
        return Outcome.done(answer);
    }

    /** The answer {@link #canDeploy(long)} gives, from a report already made (the plan page shows both). */
    public CanDeploy canDeploy(PlanReport r) {
        return answer(r);
    }

    private CanDeploy answer(PlanReport r) {
        return DeployAnswers.answer(r, clock.instant(), DamagedApis.reasons(catalog, r.plan()));
    }

    /** The open plans that ship {@code service} {@code version} to {@code environment}, when more than one does. */
    public Optional<AmbiguousRelease> ambiguous(String service, String version, String environment) {
        List<Plan> covering = plans.openPlansShipping(service, version, environment);
        return covering.size() > 1 ? Optional.of(new AmbiguousRelease(service, version, environment, covering))
                : Optional.empty();
    }

    /**
     * May {@code service} {@code version} go to {@code environment} now? Through the open plan
     * that ships it when there is one (refused, naming them, when several do); otherwise judged on
     * its own (docs/policy.md: a first deployment and a release without an API description have
     * defined answers).
     */
    public Outcome<CanDeploy> canDeploy(String service, String version, String environment) {
        if (catalog.service(service).isEmpty()) {
            return Outcome.refused(catalog.unknownService(service));
        }
        if (catalog.environments().stream().noneMatch(e -> e.name().equals(environment))) {
            return Outcome.refused(catalog.unknownEnvironment(environment));
        }
        Optional<String> unparsable = PlanInput.version(service, version);
        if (unparsable.isPresent()) {
            return Outcome.refused(unparsable.get());
        }
        List<Plan> covering = plans.openPlansShipping(service, version, environment);
        if (covering.size() > 1) {
            return Outcome.refused(new AmbiguousRelease(service, version, environment, covering).message());
        }
        if (!covering.isEmpty()) {
            return Outcome.done(answer(report(covering.get(0))));
        }
        Optional<String> hash = catalog.release(service, version).flatMap(Release::apiHash);
        Plan probe = new Plan(0, service + " " + version, List.of(new PlannedRelease(service, version, hash)),
                environment, clock.instant(), java.time.Duration.ofHours(1), "ci", Optional.empty(),
                PlanStatus.DRAFT, clock.instant());
        Assessment a = new Assessor(catalog).assess(probe, policy, List.of(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<String> damaged = DamagedApis.reasons(catalog, probe);
        if (!damaged.isEmpty()) {
            return Outcome.done(new CanDeploy.No(damaged, Optional.empty(), List.of(), false));
        }
        if (a.verdict() instanceof PolicyVerdict.Exempt e) {
            List<String> reasons = new ArrayList<>(List.of("no plan needed: " + e.reason()));
            if (a.breaks()) {
                reasons.add("its consumers should still be told of the " + a.releases().get(0).breaking().size()
                        + " breaking change(s)");
            }
            return Outcome.done(new CanDeploy.Yes(reasons, Optional.empty(), List.of()));
        }
        return Outcome.done(new CanDeploy.No(List.of("no open plan ships " + service + " " + version + " to "
                + environment + ", and the major-deployment policy " + (a.verdict() instanceof PolicyVerdict.Applies
                ? "applies: " : "may apply: ") + a.verdict().reason(),
                "create one: breakwater plan create --release " + service + "=" + version + " --env " + environment
                        + " --start ..."), Optional.empty(), List.of(), false));
    }
}
