package org.breakwater;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.StoredApis;
import org.breakwater.catalog.store.JdbiCatalogRepository;
import org.breakwater.catalog.store.JdbiDeploymentRepository;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Templates;
import org.breakwater.announce.bus.EventOutbox;
import org.breakwater.announce.store.JdbiAnnounceRepository;
import org.breakwater.auth.AccessService;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.store.JdbiTrafficRepository;
import org.breakwater.auth.store.JdbiAccessRepository;
import org.breakwater.calendar.CalendarRepository;
import org.breakwater.calendar.store.JdbiCalendarRepository;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.policy.Policy;
import org.breakwater.store.Database;

/**
 * The composition root: builds every long-lived object with {@code new}, from the settings
 * the user gave. No static state; a test builds as many Apps as it likes.
 */
public final class App implements AutoCloseable {
    private final Database database;
    private final CatalogService catalog;
    private final Clock clock;
    private final CalendarRepository calendar;

    private App(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.calendar = new JdbiCalendarRepository(database.jdbi());
        JdbiDeploymentRepository deployments = new JdbiDeploymentRepository(database.jdbi());
        this.catalog = new CatalogService(new JdbiCatalogRepository(database.jdbi(), clock), deployments,
                new StoredApis(deployments, ReadLimits.defaults()), clock);
    }

    /** Settings: the database URL when one is given, else the SQLite file in the data directory. */
    public record Settings(Optional<String> databaseUrl, Path dataDir) {
    }

    public static App open(Settings settings, Clock clock) {
        Database db = settings.databaseUrl().map(Database::open).orElseGet(() -> Database.sqlite(settings.dataDir()));
        return new App(db, clock);
    }

    /** Closes the store's connections. */
    @Override
    public void close() {
        database.close();
    }

    /** The clock every service of this app reads. */
    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public CatalogService catalog() {
        return catalog;
    }

    /** Plans judged by {@code policy}; freezes come from the stored release calendar. */
    public PlanService plans(Policy policy) {
        // a classification kept from the meeting's minutes is recorded on each new plan shipping its service
        java.util.concurrent.atomic.AtomicReference<PlanService> self = new java.util.concurrent.atomic.AtomicReference<>();
        EventOutbox bus = events();
        org.breakwater.plan.PlanEvents kept = new org.breakwater.meeting.KeptClassifications(
                new org.breakwater.meeting.store.JdbiMeetingRepository(database.jdbi()), self::get);
        PlanService plans = new PlanService(new JdbiPlanRepository(database.jdbi()), catalog, policy, calendar::load, clock,
                (event, plan) -> {
                    bus.happened(event, plan);
                    kept.happened(event, plan);
                })
                .migrations(new org.breakwater.traffic.TrafficMigrations(catalog,
                        new JdbiTrafficRepository(database.jdbi())))
                .replays(replays())
                .staging(suiteResults())
                .roster(id -> org.breakwater.deployday.roster.RosterService.confirmations(rosterStore().members(id)))
                .changes(database.changes());
        self.set(plans);
        return plans;
    }

    private org.breakwater.deployday.roster.RosterRepository rosterStore() {
        return new org.breakwater.deployday.roster.store.JdbiRosterRepository(database.jdbi());
    }

    /** Where the deployment day's board, measures and post-mortem read a plan's incidents: the incident store. */
    public org.breakwater.deployday.board.DayIncidents dayIncidents() {
        return new org.breakwater.deployday.board.StoredIncidents(
                new org.breakwater.deployday.incident.store.JdbiIncidentRepository(database.jdbi()));
    }

    /** The deployment day (docs/deployment-day.md) of plans judged by {@code policy}; mails from {@code from}. */
    public org.breakwater.deployday.DayServices day(Policy policy, Templates templates, String from) {
        PlanService plans = plans(policy);
        var roster = new org.breakwater.deployday.roster.RosterService(rosterStore(), plans, catalog,
                new JdbiAnnounceRepository(database.jdbi()), from, clock);
        AnnounceService announce = announcements(policy, templates, from);
        var board = new org.breakwater.deployday.board.BoardService(
                new org.breakwater.deployday.board.store.JdbiBoardRepository(database.jdbi()), plans, catalog, roster,
                announce, dayIncidents(), clock).atomically(new org.breakwater.deployday.board.Atomically() {
                    @Override
                    public <T> T run(java.util.function.Supplier<T> work) {
                        return database.jdbi().inTransaction(h -> work.get());
                    }
                }).rates(new org.breakwater.deployday.board.LiveRates(catalog, traffic(),
                        org.breakwater.deployday.detect.DetectionPolicy.of(policy.detection()), clock));
        var measures = new org.breakwater.deployday.measures.MeasuresService(catalog, plans, dayIncidents(), clock);
        return new org.breakwater.deployday.DayServices(roster, board, measures,
                new org.breakwater.deployday.postmortem.PostMortemService(plans, catalog, announce, board, roster,
                        measures, dayIncidents(), clock));
    }

    /** Replays of plans' sampled production calls against staging (docs/staging.md, Replay). */
    public org.breakwater.staging.replay.ReplayService replays() {
        TrafficService traffic = traffic();
        return new org.breakwater.staging.replay.ReplayService(catalog, traffic::samples,
                new org.breakwater.staging.replay.store.JdbiReplayRepository(database.jdbi()),
                org.breakwater.staging.replay.HttpFetcher::new, clock);
    }

    /** Plan and announcement events, recorded in the outbox for the message bus (docs/announcements.md). */
    private EventOutbox events() {
        return new EventOutbox(new JdbiAnnounceRepository(database.jdbi()), clock);
    }

    /**
     * Announcements of plans judged by {@code policy}, written with {@code templates}; mails come
     * from {@code from}.
     */
    public AnnounceService announcements(Policy policy, Templates templates, String from) {
        return new AnnounceService(new JdbiAnnounceRepository(database.jdbi()), plans(policy), catalog, policy,
                templates, from, clock, events());
    }

    /** What {@link #prune} forgot. */
    public record Pruned(int deployments, int trafficCounts, int suiteRuns, int suiteCases, int replayRuns,
                         int replayDifferences) {
    }

    /** Suite runs kept per suite (and replays per plan) whatever their age, so a history never becomes empty. */
    public static final int SUITE_RUNS_KEPT = 20;

    /**
     * Applies the retention: deployment records (never what runs now), traffic counts, suite runs
     * with their cases (never a suite's {@link #SUITE_RUNS_KEPT} newest) and replays with their
     * differences and operations (never a plan's {@link #SUITE_RUNS_KEPT} newest) older than {@code before}.
     */
    public Pruned prune(java.time.Instant before) {
        var runs = new org.breakwater.staging.store.JdbiSuiteRepository(database.jdbi()).prune(before, SUITE_RUNS_KEPT);
        var replays = new org.breakwater.staging.replay.store.JdbiReplayRepository(database.jdbi())
                .prune(before, SUITE_RUNS_KEPT);
        return new Pruned(catalog.prune(before), traffic().prune(before), runs.runs(), runs.cases(), replays.runs(),
                replays.differences());
    }

    /** Follows a service's logs as they grow (traffic ingest --follow), counting each line once. */
    public org.breakwater.traffic.Follower follower(String service, String environment,
                                                    org.breakwater.traffic.parse.LogFormat format,
                                                    List<java.nio.file.Path> targets,
                                                    List<org.breakwater.traffic.CallerRule> rules,
                                                    java.util.function.Function<String, Optional<String>> resolver) {
        return follower(service, environment, format, targets, rules, resolver, java.util.Set.of());
    }

    /** As above, dropping also these query parameters from the request targets it samples (replay). */
    public org.breakwater.traffic.Follower follower(String service, String environment,
                                                    org.breakwater.traffic.parse.LogFormat format,
                                                    List<java.nio.file.Path> targets,
                                                    List<org.breakwater.traffic.CallerRule> rules,
                                                    java.util.function.Function<String, Optional<String>> resolver,
                                                    java.util.Set<String> droppedQuery) {
        return new org.breakwater.traffic.Follower(catalog, new JdbiTrafficRepository(database.jdbi()),
                new org.breakwater.traffic.store.JdbiSampleRepository(database.jdbi()), droppedQuery, service,
                environment, format, targets, rules, resolver, clock);
    }

    /** Consumers from real traffic: access logs read into counts per caller and operation. */
    /** The weekly meeting: minutes in, evidence out (docs/meetings.md). */
    public org.breakwater.meeting.MeetingService meetings(Policy policy) {
        return new org.breakwater.meeting.MeetingService(
                new org.breakwater.meeting.store.JdbiMeetingRepository(database.jdbi()), plans(policy), catalog, clock);
    }

    /** The weekly meeting's agenda, its mail queued in the outbox from {@code from}. */
    public org.breakwater.meeting.AgendaService agenda(Policy policy, String from) {
        return new org.breakwater.meeting.AgendaService(plans(policy),
                new org.breakwater.meeting.store.JdbiMeetingRepository(database.jdbi()),
                new JdbiAnnounceRepository(database.jdbi()), from, clock, () -> incidents().list(
                new org.breakwater.deployday.incident.IncidentRepository.Filter(Optional.empty(), Optional.empty(),
                        Optional.empty(), true), 50).stream().map(i -> new org.breakwater.meeting.Agenda.Item(
                                i.planId().map(p -> "BW-" + p).orElse("INC-" + i.id()),
                                org.breakwater.meeting.Agenda.Kind.INCIDENT, i.title(), "incident " + i.id() + ", "
                                + i.severity().id() + ", " + i.service() + ", "
                                + i.status().name().toLowerCase(java.util.Locale.ROOT), false)).toList());
    }

    public TrafficService traffic() {
        return traffic(java.util.Set.of());
    }

    /** As {@link #traffic()}, dropping also these query parameters from the targets it samples (replay). */
    public TrafficService traffic(java.util.Set<String> droppedQuery) {
        return new TrafficService(catalog, new JdbiTrafficRepository(database.jdbi()),
                new org.breakwater.traffic.store.JdbiSampleRepository(database.jdbi()), droppedQuery);
    }

    /** Staging against production per service (docs/staging.md, "Parity"). */
    public org.breakwater.staging.ParityService parity() {
        return new org.breakwater.staging.ParityService(catalog, traffic(), clock);
    }

    /** Operations exercised in staging by identified test callers (docs/staging.md, "Coverage"). */
    public org.breakwater.staging.CoverageService coverage() {
        return new org.breakwater.staging.CoverageService(catalog, traffic(), clock);
    }

    /** Coverage fed by the suites' runs (each suite's identify rule and its runs' windows) and by the replays. */
    public org.breakwater.staging.SuiteCoverage suiteCoverage() {
        return new org.breakwater.staging.SuiteCoverage(new org.breakwater.staging.store.JdbiSuiteRepository(
                database.jdbi()), coverage(), clock, new org.breakwater.staging.replay.StoredReplayCoverage(
                new org.breakwater.staging.replay.store.JdbiReplayRepository(database.jdbi())));
    }

    public AccessService access() {
        return new AccessService(new JdbiAccessRepository(database.jdbi()),
                new org.breakwater.auth.store.JdbiLoginAttempts(database.jdbi()), clock);
    }

    public CalendarRepository calendar() {
        return calendar;
    }

    /** The staging suites registry; {@code secrets} seals and opens their secrets (docs/staging.md). */
    public org.breakwater.staging.SuiteService suites(org.breakwater.staging.SecretBox secrets) {
        return new org.breakwater.staging.SuiteService(new org.breakwater.staging.store.JdbiSuiteRepository(
                database.jdbi()), catalog, secrets, clock);
    }

    /**
     * A deployment was recorded (CLI or REST API): the staging suites covering its service in its
     * environment, and (outside production) the replay of each open plan releasing it, become due
     * now, for serve's schedule (docs/staging.md). What was made due.
     */
    public org.breakwater.catalog.MadeDue deployed(org.breakwater.catalog.Deployment d) {
        boolean production = catalog.environments().stream().anyMatch(e -> e.name().equals(d.environment())
                && e.production());
        List<org.breakwater.catalog.MadeDue.DuePlan> replays = replayScheduler(Optional.empty(), "", Runnable::run,
                line -> { }).deployed(d.service(), production).stream()
                .map(p -> new org.breakwater.catalog.MadeDue.DuePlan(p.id(), p.title())).toList();
        return new org.breakwater.catalog.MadeDue(suites(org.breakwater.staging.SecretBox.NONE).deployed(d.service(),
                d.environment()), replays);
    }

    /**
     * The replay's schedule inside serve (docs/staging.md, Replay): {@code replaySchedule} from the
     * policy (empty: off); {@code owner} names this instance; taken replays run on {@code executor}.
     */
    public org.breakwater.staging.replay.ReplayScheduler replayScheduler(Optional<String> replaySchedule, String owner,
            java.util.concurrent.Executor executor, java.util.function.Consumer<String> log) {
        JdbiPlanRepository plans = new JdbiPlanRepository(database.jdbi());
        return new org.breakwater.staging.replay.ReplayScheduler(
                new org.breakwater.staging.replay.store.JdbiReplayRepository(database.jdbi()), replays(),
                () -> plans.plans(Optional.empty()).stream().filter(p -> p.status().open()).toList(), replaySchedule,
                clock, owner, executor, log);
    }

    /** Runs suites with {@code launcher}; the first run of a new test is recorded for the bus. */
    public org.breakwater.staging.SuiteRuns suiteRuns(org.breakwater.staging.SecretBox secrets,
                                                      org.breakwater.staging.SuiteLauncher launcher) {
        return new org.breakwater.staging.SuiteRuns(new org.breakwater.staging.store.JdbiSuiteRepository(database.jdbi()),
                catalog, secrets, launcher, new org.breakwater.staging.bus.TestAddedEvents(
                new JdbiAnnounceRepository(database.jdbi()), clock), clock);
    }

    /** The suites' schedule: {@code owner} names this instance; taken suites run on {@code executor}. */
    public org.breakwater.staging.SuiteScheduler suiteScheduler(org.breakwater.staging.SuiteRuns runs, String owner,
                                                                java.util.concurrent.Executor executor) {
        return new org.breakwater.staging.SuiteScheduler(new org.breakwater.staging.store.JdbiSuiteRepository(
                database.jdbi()), runs, clock, owner, executor);
    }

    /** Suite runs, history and the gate's view of them, read only. */
    public org.breakwater.staging.SuiteResults suiteResults() {
        return new org.breakwater.staging.SuiteResults(new org.breakwater.staging.store.JdbiSuiteRepository(
                database.jdbi()));
    }

    /** The breakage detector over the stored traffic, judging by {@code policy} (docs/deployment-day.md). */
    public org.breakwater.deployday.detect.Detector detector(org.breakwater.deployday.detect.DetectionPolicy policy) {
        return new org.breakwater.deployday.detect.Detector(catalog, traffic(), new JdbiPlanRepository(database.jdbi()),
                incidents(), new org.breakwater.deployday.detect.IncidentNotices(new JdbiAnnounceRepository(
                        database.jdbi()), clock), policy, clock);
    }

    /**
     * Runs the detector with {@code policy}'s detection thresholds over every plan in progress or
     * settling (after a follower's poll, and on serve's timer); returns a line per incident it opened.
     */
    public List<String> detectBreakage(Policy policy) {
        return detector(org.breakwater.deployday.detect.DetectionPolicy.of(policy.detection())).active().opened().stream()
                .map(i -> "incident " + i.id() + " opened: " + i.title()).toList();
    }

    /** Incidents of the deployment day (docs/deployment-day.md). */
    public org.breakwater.deployday.incident.IncidentService incidents() {
        JdbiPlanRepository plans = new JdbiPlanRepository(database.jdbi());
        return new org.breakwater.deployday.incident.IncidentService(
                new org.breakwater.deployday.incident.store.JdbiIncidentRepository(database.jdbi()),
                s -> catalog.service(s).isPresent(), id -> plans.plan(id).isPresent(), clock);
    }
}
