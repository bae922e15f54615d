package org.breakwater.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.Kind;
import org.breakwater.announce.Templates;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.cli.Main;
import org.breakwater.deployday.detect.PkgdbDayLog;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyReader;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingFixture;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.SuiteRun;
import org.breakwater.traffic.PkgdbCutOver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} does on its own, "once" whatever the number of instances, checked with two
 * real {@code serve} processes on one PostgreSQL ({@link TwoServes}) started once for all of it:
 * the meeting agenda's mail, a staging suite due on its schedule, the breakage detector's incidents
 * and their mails, roster invitations and announcement reminders. Both instances run every round
 * (delivery each second, the schedule every 30 s) from their start to the end of the class, so
 * whatever one of them did twice would show at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnceAcrossInstancesTest {
    static final String SUITE = "pkgdb-e2e";
    static final String INCIDENT_EVENT = "select count(*) from outbox where channel = 'bus'"
            + " and subject = 'breakwater.incident.opened.v1'";

    @TempDir
    static Path dir;
    static TwoServes pair;
    static App app;
    static Policy policy;
    static String token;
    static Instant cut;
    static long dayPlan;
    static long nextPlan;

    @BeforeAll
    static void start() throws Exception {
        pair = new TwoServes(dir);
        app = pair.app;
        Path policyFile = dir.resolve("policy.yaml");
        // the agenda of the next meeting goes out this long before it: a week, so it is due whatever the day
        Files.writeString(policyFile, Files.readString(Path.of("src/main/resources/policy/default-policy.yaml"))
                .replace("agendaLead: 1d ", "agendaLead: 7d "));
        policy = PolicyReader.read(policyFile);
        assertThat(policy.meeting().agendaLead()).isEqualTo(Duration.ofDays(7));
        token = app.access().issue("once", new Principal("ci-bot", Role.ADMIN, Optional.empty())).secret();
        // an hour ago, 10 s past a minute: as record-deployment records it, at any second
        cut = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(10);
        PkgdbCutOver.record(app, cut);
        dayPlan = new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb2", List.of(new PlannedRelease(
                "pkgdb", "2.0.0", Optional.empty())), "production", cut.minusSeconds(420), Duration.ofHours(4), "pingou",
                Optional.empty(), PlanStatus.IN_PROGRESS, cut.minus(Duration.ofDays(20)))).id();
        nextPlan = nextPlan();
        suiteDueNow();
        pair.start("--policy", policyFile.toString(), "--log-level", "debug");
    }

    /** pkgdb 2.0.1, in staging now, planned for production in 20 hours: both reminders (3 days, 1 day) are due. */
    static long nextPlan() throws Exception {
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.1", "staging", Instant.now(), "pingou",
                Optional.empty()), Optional.of(ApiFiles.read(TwoServes.CATALOG.resolve("apis/pkgdb/v2/openapi.yaml"),
                ReadLimits.defaults()).description()));
        return ((Outcome.Done<Plan>) app.plans(policy).create(new NewPlan("pkgdb 2.0.1", Map.of("pkgdb", "2.0.1"),
                Map.of(), "production", Instant.now().plus(Duration.ofHours(20)), Duration.ofHours(2), "pingou",
                Optional.empty(), PlanStatus.SCHEDULED))).value().id();
    }

    /** A suite whose run appends a line to the witness file, due a second ago. */
    static void suiteDueNow() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("suite"));
        StagingSuite suite = StagingFixture.suite(SUITE, "echo run >> " + witness() + " && mkdir -p out && echo"
                + " '<testsuite name=\"e\"><testcase classname=\"a\" name=\"b\"/></testsuite>' > out/r.xml", folder,
                Duration.ofMinutes(1));
        assertThat(app.suites(SecretBox.NONE).add(suite)).isInstanceOf(Outcome.Done.class);
        app.database().jdbi().useHandle(h -> h.execute("update staging_schedule set next_due = ? where suite = ?",
                Instant.now().minusSeconds(1).toEpochMilli(), SUITE));
    }

    static Path witness() {
        return dir.resolve("witness.txt");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    @Order(1)
    void the_next_meetings_agenda_is_mailed_once() throws Exception {
        pair.await("the agenda mailed", () -> {
            try {
                return !pair.received("Meeting agenda").isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(pair.count("select count(*) from meeting_agenda_sent")).isEqualTo(1);
        assertThat(pair.count("select count(*) from outbox where subject like 'Meeting agenda%'")).isEqualTo(1);
        assertThat(pair.received("Meeting agenda")).singleElement()
                .satisfies(m -> assertThat(m.getAllRecipients()[0].toString())
                        .isEqualTo("infrastructure@lists.fedoraproject.org"));
    }

    @Test
    @Order(2)
    void a_suite_due_on_its_schedule_runs_once() throws Exception {
        pair.await("both instances' schedules looked at the due suite, and its run ended", () -> {
            try {
                return pair.logLines().stream().allMatch(l -> l.contains("staging: tick"))
                        && runs().stream().anyMatch(r -> r.finished().isPresent());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(runs()).singleElement().satisfies(r -> assertThat(r.trigger()).isEqualTo("schedule"));
        assertThat(Files.readAllLines(witness())).containsExactly("run");
        assertThat(app.suites(SecretBox.NONE).nextDue(SUITE).orElseThrow()).as("back on its schedule")
                .isAfter(Instant.now());
    }

    static List<SuiteRun> runs() {
        return app.suiteResults().runs(Optional.of(SUITE), 10);
    }

    @Test
    @Order(3)
    void traffic_read_while_a_plan_is_in_progress_opens_each_incident_once_and_mails_it_once() throws Exception {
        Path log = dir.resolve("access_log");
        Files.writeString(log, String.join("", PkgdbDayLog.lines(cut)));
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"traffic", "ingest", "--service", "pkgdb", "--env", "production", "--quiet",
            "--db", pair.url, log.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)))
                .as(err.toString()).isZero();
        pair.await("four incidents opened, their mails sent", () -> pair.count(INCIDENT_EVENT) == 4
                && pair.count("select count(*) from incident") == 4 && pair.count(TwoServes.MAIL_PENDING) == 0);
        assertThat(pair.count("select count(*) from incident_event where action = 'opened'")).isEqualTo(4);
        long logged = 0;
        for (String l : pair.logLines()) {
            logged += l.lines().filter(x -> x.contains("detector: incident ")).count();
        }
        assertThat(logged).as("each opened by one instance").isEqualTo(4);
        assertThat(pair.received("bodhi-pkgdb-client")).as("to the consumer's contact and the owners, in one mail")
                .hasSize(2);
        pair.eachOncePerRecipient();
    }

    @Test
    @Order(4)
    void roster_invitations_and_the_due_reminders_are_sent_once() throws Exception {
        assertThat(app.day(policy, Templates.defaults(), TwoServes.FROM).roster().propose(nextPlan))
                .isInstanceOf(Outcome.Done.class);
        HttpResponse<String> invited = TwoServes.post(pair.a, "/api/v1/plans/" + nextPlan + "/roster/invite", token, "");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        assertThat(invited.body()).contains("\"username\"");
        AnnounceService s = app.announcements(policy, Templates.defaults(), TwoServes.FROM);
        assertThat(s.approveReminders(nextPlan, "pingou")).isInstanceOf(Outcome.Done.class);
        pair.await("the invitations and both reminders sent", () -> pair.count(TwoServes.MAIL_PENDING) == 0
                && s.list(Optional.of(nextPlan)).stream().filter(x -> x.kind() == Kind.REMINDER
                && x.status() == Announcement.Status.SENT).count() == 2);
        assertThat(s.list(Optional.of(nextPlan))).filteredOn(x -> x.kind() == Kind.REMINDER).hasSize(2);
        assertThat(pair.count("select count(*) from outbox where channel = 'mail' and subject like 'Roster: %'"))
                .isEqualTo(pair.count("select count(*) from roster_member where plan_id = " + nextPlan
                        + " and invited_at is not null"));
        pair.eachOncePerRecipient();
    }

    @Test
    @Order(5)
    void after_all_of_it_each_mail_went_once_and_no_round_failed() throws Exception {
        pair.eachOncePerRecipient();
        assertThat(pair.count("select max(attempts) from outbox where channel = 'mail'")).isEqualTo(1);
        assertThat(pair.count("select count(*) from meeting_agenda_sent")).isEqualTo(1);
        assertThat(Files.readAllLines(witness())).hasSize(1);
        assertThat(pair.logLines()).allSatisfy(l -> assertThat(l.lines().filter(x -> x.contains(" ERROR ")))
                .as("errors logged").isEmpty());
    }
}
