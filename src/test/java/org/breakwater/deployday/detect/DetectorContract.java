package org.breakwater.deployday.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.announce.Templates;
import org.breakwater.announce.mail.MailSettings;
import org.breakwater.announce.mail.SmtpCourier;
import org.breakwater.announce.store.JdbiAnnounceRepository;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.Severity;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.parse.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breakage detector on the pkgdb2 day, from access logs the test writes: bodhi's client and
 * the packages app failing on operations pkgdb 2.0.0 removed, an unknown script's burst of 404s
 * (one incident), a cron job gone silent — on SQLite and PostgreSQL, mails to a real SMTP server.
 */
abstract class DetectorContract {
    static final Instant CUT = Instant.parse("2014-06-02T15:07:00Z");

    @TempDir
    Path dir;

    App app;
    Plan plan;

    abstract App.Settings settings(Path dir);

    @BeforeEach
    void start() throws Exception {
        app = open(CUT.plus(Duration.ofHours(1)));
        org.breakwater.traffic.PkgdbCutOver.record(app, CUT);
        plan = new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb2", List.of(new PlannedRelease(
                "pkgdb", "2.0.0", Optional.empty())), "production", CUT.minusSeconds(420), Duration.ofHours(4), "pingou",
                Optional.empty(), PlanStatus.IN_PROGRESS, CUT.minus(Duration.ofDays(20))));
    }

    App open(Instant now) {
        return App.open(settings(dir), Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A combined-format line. */
    static String line(String client, Instant at, String request, int status, String agent) {
        return PkgdbDayLog.line(client, at, request, status, agent);
    }

    /** The day's log: a quiet baseline, then after the cut-over the failures, in time order. */
    static List<String> day() {
        return PkgdbDayLog.lines(CUT);
    }

    void ingest(List<String> lines) {
        TrafficService t = app.traffic();
        List<CallerRule> rules = ((Outcome.Done<List<CallerRule>>) t.rules()).value();
        String log = String.join("", lines);
        assertThat(t.ingest("pkgdb", "production", LogFormat.combined(), List.of(new TrafficService.Input("access_log",
                () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))), rules, a -> Optional.empty()))
                .isInstanceOf(Outcome.Done.class);
    }

    static Incident by(List<Incident> list, String consumer) {
        return list.stream().filter(i -> i.consumer().orElse("").startsWith(consumer)).findFirst().orElseThrow(() ->
                new AssertionError("no incident for " + consumer + " in " + list.stream().map(Incident::title).toList()));
    }

    @Test
    void consumers_failing_after_the_cut_over_each_open_one_incident_with_what_and_since_when() {
        ingest(day());
        Detector.Run run = app.detector(DetectionPolicy.defaults()).active();
        Incident bodhi = by(run.opened(), "bodhi-pkgdb-client");
        assertThat(bodhi.title()).isEqualTo("bodhi-pkgdb-client: GET /acls/name/{package} 4xx on 42 of 42 calls since"
                + " 15:07; 0% before (gone from pkgdb 2.0.0)");
        assertThat(bodhi.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(bodhi.planId()).contains(plan.id());
        assertThat(bodhi.detectedAt()).isEqualTo(CUT.plusSeconds(60)); // the minute the fifth failing call came in
        Incident packages = by(run.opened(), "packages-pkgdb-connector");
        assertThat(packages.operation()).contains("GET /users/packages/{username}");
        assertThat(packages.detectedAt()).as("the fifth failing call at 15:07:40").isEqualTo(CUT.plusSeconds(60));
        Incident script = by(run.opened(), "unknown");
        assertThat(script.title()).contains("(paths the description does not have) 4xx on 500 of 500 calls");
        Incident silent = by(run.opened(), "owner-alias-sync");
        assertThat(silent.severity()).isEqualTo(Severity.MINOR);
        assertThat(silent.title()).contains("no calls to pkgdb since 15:07");
        assertThat(run.opened()).as("a burst from one unknown caller is one incident").hasSize(4);
    }

    @Test
    void a_detector_run_again_or_restarted_or_on_another_instance_opens_nothing_twice() {
        ingest(day());
        assertThat(app.detector(DetectionPolicy.defaults()).active().opened()).hasSize(4);
        Detector.Run again = app.detector(DetectionPolicy.defaults()).active();
        assertThat(again.opened()).isEmpty();
        assertThat(again.known()).hasSize(4);
        try (App other = open(CUT.plus(Duration.ofHours(2)))) {
            assertThat(other.detector(DetectionPolicy.defaults()).active().opened()).isEmpty();
        }
        assertThat(app.incidents().list(IncidentRepository.Filter.all(), 100)).hasSize(4);
    }

    @Test
    void a_detector_stopped_mid_day_finds_later_failures_when_it_runs_again() {
        List<String> lines = day();
        ingest(lines.subList(0, 60 + 42)); // the baseline and bodhi's failures only
        assertThat(app.detector(DetectionPolicy.defaults()).active().opened()).extracting(i -> i.consumer().orElseThrow())
                .containsExactly("bodhi-pkgdb-client");
        ingest(lines.subList(60 + 42, lines.size()));
        assertThat(app.detector(DetectionPolicy.defaults()).active().opened()).hasSize(3);
        assertThat(app.incidents().list(IncidentRepository.Filter.all(), 100)).hasSize(4);
    }

    @Test
    void lines_out_of_order_or_a_clock_going_backwards_change_nothing_the_detector_finds() {
        List<String> lines = day();
        Collections.reverse(lines);
        ingest(lines);
        Detector.Run run = app.detector(DetectionPolicy.defaults()).active();
        assertThat(run.opened()).hasSize(4);
        assertThat(by(run.opened(), "bodhi-pkgdb-client").detectedAt()).isEqualTo(CUT.plusSeconds(60));
    }

    @Test
    void logs_read_days_later_open_the_incidents_with_when_they_would_have_been_detected() {
        app.close();
        app = open(CUT.plus(Duration.ofDays(3)));
        new JdbiPlanRepository(app.database().jdbi()).update(new Plan(plan.id(), plan.title(), plan.releases(),
                plan.environment(), plan.start(), plan.duration(), plan.owner(), plan.ticket(), PlanStatus.DONE,
                plan.createdAt()));
        ingest(day());
        assertThat(app.detector(DetectionPolicy.defaults()).active().opened()).as("the plan is no longer watched").isEmpty();
        Detector.Run run = app.detector(DetectionPolicy.defaults()).plan(plan);
        Incident bodhi = by(run.opened(), "bodhi-pkgdb-client");
        assertThat(bodhi.detectedAt()).isEqualTo(CUT.plusSeconds(60));
        assertThat(bodhi.recordedAt()).isEqualTo(CUT.plus(Duration.ofDays(3)));
    }

    @Test
    void a_consumer_whose_error_rate_stays_below_the_policy_is_not_an_incident() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(line("10.5.126.20", CUT.plusSeconds(i), "GET /pkgdb/api/package/guake", i % 10 == 0 ? 500 : 200,
                    "bodhi/2.0"));
        }
        ingest(lines);
        assertThat(app.detector(DetectionPolicy.defaults()).active().opened()).isEmpty();
        assertThat(app.detector(new DetectionPolicy(5, 0.05, 0.05, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(1))).active().opened()).singleElement()
                .satisfies(i -> assertThat(i.title()).contains("5xx on 3 of 30 calls"));
    }

    @Test
    void each_incident_is_mailed_to_the_consumer_and_the_owners_once_and_published_on_the_bus() throws Exception {
        ingest(day());
        app.detector(DetectionPolicy.defaults()).active();
        app.detector(DetectionPolicy.defaults()).active();
        List<OutboxEntry> outbox = new JdbiAnnounceRepository(app.database().jdbi()).outbox(1000);
        assertThat(outbox.stream().filter(e -> e.subject().equals("breakwater.incident.opened.v1"))).hasSize(4);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            var delivery = app.announcements(PolicyReader.defaults(), Templates.defaults(), "breakwater@example.org")
                    .deliver(Map.of(OutboxEntry.Channel.MAIL, new SmtpCourier(new MailSettings("127.0.0.1", port, "none",
                            Optional.empty(), Optional.empty(), "breakwater@example.org", Duration.ofSeconds(5)))), 100);
            assertThat(delivery.failed()).isZero();
            MimeMessage[] got = smtp.getReceivedMessages();
            List<String> bodhi = new ArrayList<>();
            for (MimeMessage m : got) {
                if (m.getSubject().contains("bodhi-pkgdb-client")) {
                    bodhi.add(String.join(",", java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList()));
                }
            }
            assertThat(bodhi).as("the bodhi incident's mail, to each recipient once").hasSize(2)
                    .allSatisfy(r -> assertThat(r).contains("lmacken@fedoraproject.org")
                            .contains("infrastructure@lists.fedoraproject.org"));
        } finally {
            smtp.stop();
        }
    }
}
