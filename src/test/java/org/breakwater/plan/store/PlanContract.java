package org.breakwater.plan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.StoredApis;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.catalog.store.JdbiCatalogRepository;
import org.breakwater.catalog.store.JdbiDeploymentRepository;
import org.breakwater.plan.Assessment;
import org.breakwater.plan.CanDeploy;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PolicyVerdict;
import org.breakwater.plan.ReleaseAssessment;
import org.breakwater.plan.SemverCheck;
import org.breakwater.policy.Applicability;
import org.breakwater.policy.Policy;
import org.breakwater.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans on a real store, once on SQLite and once on PostgreSQL: the pkgdb2 roll-out with the
 * account-system update, assessed, gated, and let through once every gate is met.
 */
abstract class PlanContract {
    static final Path APIS = Path.of("src/main/resources/demo/catalog/apis");
    static final Instant NOW = Instant.parse("2014-06-02T09:00:00Z");
    static final Instant START = Instant.parse("2014-06-19T12:00:00Z");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW);
    CatalogService catalog;
    PlanService plans;
    final List<Window> freezes = new java.util.ArrayList<>();

    abstract Database open(Path dir);

    static Policy policy() {
        return new Policy(1, LocalDate.of(2014, 6, 12), Optional.empty(),
                Map.of(Tier.ESSENTIAL, Applicability.BREAKS_OR_MAJOR, Tier.BORDERLINE, Applicability.MEETING_DECIDES,
                        Tier.LEAF, Applicability.NEVER),
                new Policy.Announcements(Duration.ofDays(14), Duration.ofDays(7), List.of(Duration.ofDays(1)),
                        List.of("infrastructure@lists.fedoraproject.org"),
                        Map.of(Tier.ESSENTIAL, List.of("devel@lists.fedoraproject.org"))),
                new Policy.MeetingRule(1, DayOfWeek.THURSDAY, LocalTime.of(18, 0), ZoneId.of("UTC")),
                new Policy.StagingRule(2, true, Duration.ofDays(7)),
                new Policy.ConsumerRule(true, true),
                new Policy.RosterRule(1, true),
                new Policy.FreezeRule(true, 2),
                new Policy.ScheduleRule(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                        LocalTime.of(17, 0), ZoneOffset.UTC, Duration.ofDays(21)),
                "sha256:test-policy");
    }

    Database db;

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = open(dir);
        JdbiDeploymentRepository deployments = new JdbiDeploymentRepository(db.jdbi());
        catalog = new CatalogService(new JdbiCatalogRepository(db.jdbi(), clock), deployments,
                new StoredApis(deployments, ReadLimits.defaults()), clock);
        var check = CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog")));
        assertThat(catalog.importCatalog(check)).isInstanceOf(Outcome.Done.class);
        plans = new PlanService(new JdbiPlanRepository(db.jdbi()), catalog, policy(),
                () -> new ReleaseCalendar(List.copyOf(freezes), List.of()), clock);
        deploy("pkgdb", "1.9.2", "production", NOW.minus(Duration.ofDays(60)), api("pkgdb/v1/pkgdb.yaml"));
        deploy("fas", "0.8.18", "production", NOW.minus(Duration.ofDays(50)), api("fas/v1/fas.yaml"));
        deploy("pkgdb", "2.0.0", "staging", NOW.minus(Duration.ofDays(5)), api("pkgdb/v2/openapi.yaml"));
        deploy("fas", "0.8.19", "staging", NOW.minus(Duration.ofDays(5)), api("fas/v2/fas.yaml"));
    }

    static Optional<ApiDescription> api(String file) throws Exception {
        return Optional.of(ApiFiles.read(APIS.resolve(file), ReadLimits.defaults()).description());
    }

    void deploy(String service, String version, String env, Instant at, Optional<ApiDescription> api) {
        assertThat(catalog.recordDeployment(new NewDeployment(service, version, env, at, "pingou", Optional.empty()), api))
                .isInstanceOf(Outcome.Done.class);
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    Plan pkgdb2(PlanStatus status) {
        return done(plans.create(new NewPlan("pkgdb2 roll-out", Map.of("pkgdb", "2.0.0", "fas", "0.8.19"), Map.of(),
                "production", START, Duration.ofHours(4), "pingou", Optional.of("https://fedorahosted.org/ticket/4242"),
                status)));
    }

    static Gate gate(PlanReport r, String id) {
        return r.gates().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no gate " + id + " in " + r.gates().stream().map(Gate::id).toList()));
    }

    @Test
    void the_pkgdb2_plan_is_assessed_release_by_release_with_consumers_by_team() {
        Plan plan = pkgdb2(PlanStatus.SCHEDULED);
        PlanReport r = done(plans.report(plan.id()));
        Assessment a = r.assessment();
        assertThat(a.releases()).extracting(x -> x.release().service()).containsExactly("fas", "pkgdb");
        ReleaseAssessment pkgdb = a.releases().get(1);
        assertThat(pkgdb.current()).get().extracting(p -> p.version()).isEqualTo("1.9.2");
        assertThat(pkgdb.breaking()).hasSize(15);
        assertThat(pkgdb.semver().outcome()).isEqualTo(SemverCheck.Outcome.CONSISTENT);
        assertThat(pkgdb.verdict()).isInstanceOf(PolicyVerdict.Applies.class);
        assertThat(pkgdb.verdict().reason()).contains("essential service pkgdb 2.0.0 breaks the API");
        ReleaseAssessment fas = a.releases().get(0);
        assertThat(fas.breaks()).isTrue();
        assertThat(fas.semver().outcome()).isEqualTo(SemverCheck.Outcome.MISLABELLED);
        assertThat(fas.semver().explanation()).contains("0.8.18 → 0.8.19 is a patch step but the API breaks");
        // the removed GET /packages/name/{package} reaches the packages web app and, through bodhi, QA's tools
        var removed = pkgdb.impacts().stream().filter(i -> i.finding().operation().equals("GET /packages/name/{package}"))
                .findFirst().orElseThrow();
        assertThat(removed.consumers()).extracting(c -> c.consumer().name())
                .contains("packages-pkgdb-connector", "mass-branching");
        assertThat(a.consumersByTeam()).containsKeys("infrastructure", "abrt", "rel-eng", "qa", "docs");
        assertThat(a.outsideTeams()).contains("abrt", "rel-eng", "qa", "docs").doesNotContain("infrastructure");
        assertThat(a.verdict()).isInstanceOf(PolicyVerdict.Applies.class);
    }

    @Test
    void a_new_plan_has_pending_gates_and_cannot_deploy() {
        Plan plan = pkgdb2(PlanStatus.SCHEDULED);
        PlanReport r = done(plans.report(plan.id()));
        assertThat(r.gates()).extracting(Gate::id).containsExactly("api-break-notice", "outage-notice", "reminders",
                "meeting", "staging-candidate", "staging-green", "consumers-acknowledged", "consumers-migrated",
                "roster", "freeze");
        assertThat(gate(r, "api-break-notice").state()).isEqualTo(GateState.PENDING);
        assertThat(gate(r, "api-break-notice").deadline()).contains(START.minus(Duration.ofDays(14)));
        assertThat(gate(r, "staging-candidate").state()).isEqualTo(GateState.MET);
        assertThat(gate(r, "freeze").state()).isEqualTo(GateState.MET);
        CanDeploy answer = done(plans.canDeploy(plan.id()));
        assertThat(answer).isInstanceOf(CanDeploy.No.class);
        assertThat(answer.reasons()).anyMatch(s -> s.startsWith("api-break-notice pending"))
                .anyMatch(s -> s.startsWith("the deployment window opens 2014-06-19 12:00 UTC"));
    }

    @Test
    void can_deploy_flips_to_yes_once_every_gate_is_met() {
        Plan plan = pkgdb2(PlanStatus.SCHEDULED);
        long id = plan.id();
        Instant t = NOW;
        record(id, "api-break-notice", "https://lists.fedoraproject.org/pipermail/devel/2014-June/199001.html", t, null);
        record(id, "outage-notice", "https://lists.fedoraproject.org/pipermail/infrastructure/2014-June/014500.html", t, null);
        clock.set(START.minus(Duration.ofHours(1))); // evidence cannot come from the future
        record(id, "reminders", "reminder", START.minus(Duration.ofDays(1)), null);
        record(id, "meeting", "https://meetbot.fedoraproject.org/fedora-meeting/2014-06-12/infrastructure.log.html",
                Instant.parse("2014-06-12T18:00:00Z"), null);
        record(id, "staging-green", "rube run 1", START.minus(Duration.ofDays(1)), null);
        record(id, "staging-green", "rube run 2", START.minus(Duration.ofHours(2)), null);
        PlanReport before = done(plans.report(id));
        for (String consumer : before.assessment().consumersByTeam().values().stream().flatMap(List::stream)
                .map(c -> c.consumer().name()).toList()) {
            record(id, "consumers-acknowledged", "ack from the owner", t, consumer);
            record(id, "consumers-migrated", "staging logs show the new API", t, consumer);
        }
        record(id, "roster", "pingou", t, "firefighter");
        for (String team : before.assessment().outsideTeams()) {
            record(id, "roster", team + "-contact", t, "contact:" + team);
        }
        clock.set(START.plus(Duration.ofMinutes(5)));
        CanDeploy answer = done(plans.canDeploy(id));
        assertThat(answer.reasons()).as("every gate met").allMatch(s -> s.startsWith("plan " + id));
        assertThat(answer).isInstanceOf(CanDeploy.Yes.class);
        assertThat(done(plans.canDeploy("pkgdb", "2.0.0", "production"))).isInstanceOf(CanDeploy.Yes.class);
    }

    void record(long id, String gate, String evidence, Instant at, String note) {
        done(plans.record(id, gate, evidence, "pingou", Optional.of(at), Optional.ofNullable(note), Optional.empty()));
    }

    @Test
    void a_notice_recorded_after_its_deadline_fails_the_gate_and_a_waiver_stays_visible() {
        long id = pkgdb2(PlanStatus.SCHEDULED).id();
        clock.set(START.minus(Duration.ofDays(2)));
        record(id, "api-break-notice", "late notice", START.minus(Duration.ofDays(3)), null);
        PlanReport r = done(plans.report(id));
        assertThat(gate(r, "api-break-notice").state()).isEqualTo(GateState.FAILED);
        assertThat(gate(r, "api-break-notice").detail()).contains("after its deadline 2014-06-05 12:00 UTC");
        done(plans.waive(id, "api-break-notice", "announced at FUDCon instead", "nirik"));
        Gate waived = gate(done(plans.report(id)), "api-break-notice");
        assertThat(waived.state()).isEqualTo(GateState.WAIVED);
        assertThat(waived.waiver()).get().satisfies(w -> assertThat(w.approver()).isEqualTo("nirik"));
        assertThat(waived.evidence()).hasSize(1);
    }

    @Test
    void a_plan_inside_a_freeze_needs_two_freeze_break_approvals() {
        long id = pkgdb2(PlanStatus.SCHEDULED).id();
        freezes.add(new Window("Fedora 21 Alpha freeze", WindowKind.FREEZE, START.minus(Duration.ofDays(2)),
                START.plus(Duration.ofDays(5))));
        assertThat(gate(done(plans.report(id)), "freeze").state()).isEqualTo(GateState.FAILED);
        done(plans.record(id, "freeze", "freeze break request #1", "nirik", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(gate(done(plans.report(id)), "freeze").detail()).contains("1 so far");
        done(plans.record(id, "freeze", "+1", "smooge", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(gate(done(plans.report(id)), "freeze").state()).isEqualTo(GateState.MET);
    }

    @Test
    void a_frozen_service_cannot_be_scheduled_inside_a_freeze_without_the_approvals() {
        freezes.add(new Window("Fedora 21 Alpha freeze", WindowKind.FREEZE, START.minus(Duration.ofDays(2)),
                START.plus(Duration.ofDays(5))));
        var refused = plans.create(new NewPlan("pkgdb2", Map.of("pkgdb", "2.0.0"), Map.of(), "production", START,
                Duration.ofHours(4), "pingou", Optional.empty(), PlanStatus.SCHEDULED));
        assertThat(refused).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<Plan>) refused).reason()).contains("pkgdb is frozen during Fedora 21 Alpha freeze")
                .contains("0 of the 2 freeze-break approvals");
        long id = pkgdb2(PlanStatus.DRAFT).id();
        assertThat(plans.setStatus(id, PlanStatus.SCHEDULED)).isInstanceOf(Outcome.Refused.class);
        done(plans.record(id, "freeze", "freeze break request #1", "nirik", Optional.empty(), Optional.empty(), Optional.empty()));
        done(plans.record(id, "freeze", "+1", "dgilmore", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(done(plans.setStatus(id, PlanStatus.SCHEDULED)).status()).isEqualTo(PlanStatus.SCHEDULED);
    }

    @Test
    void a_borderline_service_with_breaks_needs_a_recorded_meeting_decision() throws Exception {
        Path v1 = dir.resolve("fedocal-1.yaml");
        Path v2 = dir.resolve("fedocal-2.yaml");
        Files.writeString(v1, "openapi: 3.0.3\ninfo: {title: fedocal, version: '0.9'}\npaths:\n"
                + "  /api/meetings:\n    get: {operationId: listMeetings, responses: {'200': {description: ok}}}\n"
                + "  /api/locations:\n    get: {operationId: listLocations, responses: {'200': {description: ok}}}\n");
        Files.writeString(v2, "openapi: 3.0.3\ninfo: {title: fedocal, version: '0.10'}\npaths:\n"
                + "  /api/meetings:\n    get: {operationId: listMeetings, responses: {'200': {description: ok}}}\n");
        deploy("fedocal", "0.9", "production", NOW.minus(Duration.ofDays(9)),
                Optional.of(ApiFiles.read(v1, ReadLimits.defaults()).description()));
        long id = done(plans.create(new NewPlan("fedocal 0.10", Map.of("fedocal", "0.10"),
                Map.of("fedocal", ApiFiles.read(v2, ReadLimits.defaults()).description()), "production", START,
                Duration.ofHours(1), "pingou", Optional.empty(), PlanStatus.SCHEDULED))).id();
        PlanReport r = done(plans.report(id));
        assertThat(r.assessment().verdict()).isInstanceOf(PolicyVerdict.Undecided.class);
        assertThat(gate(r, "meeting-decision").state()).isEqualTo(GateState.PENDING);
        done(plans.record(id, "meeting-decision", "https://meetbot.fedoraproject.org/2014-06-12", "nirik",
                Optional.empty(), Optional.empty(), Optional.of("exempt")));
        PlanReport decided = done(plans.report(id));
        assertThat(decided.assessment().verdict()).isInstanceOf(PolicyVerdict.Exempt.class);
        assertThat(decided.assessment().verdict().reason()).contains("the weekly meeting decided it is exempt");
        assertThat(gate(decided, "meeting-decision").state()).isEqualTo(GateState.MET);
    }

    @Test
    void without_a_plan_can_deploy_lets_exempt_releases_through_and_stops_breaking_ones() {
        CanDeploy breaking = done(plans.canDeploy("pkgdb", "2.0.0", "production"));
        assertThat(breaking).isInstanceOf(CanDeploy.No.class);
        assertThat(breaking.reasons().get(0)).contains("no open plan ships pkgdb 2.0.0 to production")
                .contains("applies");
        // a leaf service: exempt whatever it does
        assertThat(done(plans.canDeploy("badges", "2.0", "production"))).isInstanceOf(CanDeploy.Yes.class);
        // the first deployment of a service: nothing to break
        CanDeploy first = done(plans.canDeploy("koji", "1.9.0", "staging"));
        assertThat(first).isInstanceOf(CanDeploy.Yes.class);
        // a release without an API description that is a new major version is treated as breaking
        deploy("mirrormanager", "1.4.3", "production", NOW.minus(Duration.ofDays(3)), Optional.empty());
        assertThat(done(plans.canDeploy("mirrormanager", "2.0.0", "production"))).isInstanceOf(CanDeploy.No.class);
        CanDeploy minor = done(plans.canDeploy("mirrormanager", "1.4.4", "production"));
        assertThat(minor).isInstanceOf(CanDeploy.Yes.class);
        assertThat(minor.reasons().get(0)).contains("whether its API breaks is unknown (not compared");
    }

    @Test
    void plans_move_only_along_their_life_cycle_and_unknown_names_are_refused() {
        Plan plan = pkgdb2(PlanStatus.DRAFT);
        assertThat(plans.setStatus(plan.id(), PlanStatus.DONE)).isInstanceOf(Outcome.Refused.class);
        assertThat(done(plans.setStatus(plan.id(), PlanStatus.SCHEDULED)).status()).isEqualTo(PlanStatus.SCHEDULED);
        assertThat(plans.create(new NewPlan("x", Map.of("pkgbd", "1"), Map.of(), "production", START,
                Duration.ofHours(1), "me", Optional.empty(), PlanStatus.DRAFT))).isInstanceOf(Outcome.Refused.class);
        assertThat(plans.record(plan.id(), "no-such-gate", "x", "me", Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(Outcome.Refused.class);
        assertThat(plans.list(Optional.of(PlanStatus.SCHEDULED))).extracting(Plan::id).containsExactly(plan.id());
        assertThat(plans.report(999)).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void a_first_deployment_is_exempt_but_still_needs_its_outage_notice() {
        long id = done(plans.create(new NewPlan("koji in production", Map.of("koji", "1.9.0"), Map.of(), "production",
                START, Duration.ofHours(2), "ausil", Optional.empty(), PlanStatus.SCHEDULED))).id();
        PlanReport r = done(plans.report(id));
        assertThat(r.assessment().verdict()).isInstanceOf(PolicyVerdict.Exempt.class);
        assertThat(r.assessment().verdict().reason()).contains("first deployment of koji");
        assertThat(r.gates()).extracting(Gate::id).containsExactly("outage-notice", "freeze");
    }

    @Test
    void propose_finds_the_earliest_start_outside_freezes_after_a_release_in_business_hours() {
        // the test policy: 14 days' API-break notice, a Thursday 18:00 UTC meeting, 7 days' soak,
        // three weeks after a release, Monday to Friday 09:00-17:00 UTC
        freezes.add(new Window("Fedora 21 Beta freeze", WindowKind.FREEZE, Instant.parse("2014-06-20T00:00:00Z"),
                Instant.parse("2014-07-04T00:00:00Z")));
        freezes.add(new Window("Fedora 21 Beta release", WindowKind.RELEASE, Instant.parse("2014-06-10T00:00:00Z"),
                Instant.parse("2014-06-11T00:00:00Z")));
        long id = pkgdb2(PlanStatus.DRAFT).id();
        var proposal = done(plans.propose(id, Optional.empty()));
        assertThat(proposal).isInstanceOf(org.breakwater.calendar.Proposal.Found.class);
        var found = (org.breakwater.calendar.Proposal.Found) proposal;
        // the notice (14 days from now: 06-16 09:00) and three weeks after the release (07-02) both fall
        // before the freeze ends on 07-04 (a Friday), whose first business hour is 09:00
        assertThat(found.start()).isEqualTo(Instant.parse("2014-07-04T09:00:00Z"));
        assertThat(found.reasons()).anyMatch(r -> r.moved() && r.explanation().contains("Fedora 21 Beta freeze"));
        assertThat(found.reasons()).extracting(org.breakwater.calendar.Reason::constraint)
                .anyMatch(c -> c.contains("API-break notice")).anyMatch(c -> c.contains("staging soak of pkgdb"));
        assertThat(done(plans.reschedule(id, found.start())).start()).isEqualTo(found.start());
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
