package org.breakwater.deployday.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.breakwater.App;
import org.breakwater.MovableClock;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.announce.Templates;
import org.breakwater.announce.mail.MailSettings;
import org.breakwater.announce.mail.SmtpCourier;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.DayServices;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roster on every database (subclasses pick one): invitations delivered to a real SMTP server
 * (GreenMail), their confirm links good once, refused when reused, forged, replaced by a newer
 * invitation or expired, and the roster gate following the confirmations.
 */
abstract class RosterMailContract {
    static final String FROM = "breakwater@fedoraproject.org";

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock();
    App app;
    GreenMail smtp;
    int port;
    DayServices day;
    Plan plan;

    abstract App.Settings settings(Path dir);

    @BeforeEach
    void start() throws Exception {
        app = App.open(settings(dir), clock);
        Instant now = clock.instant();
        org.breakwater.traffic.PkgdbCutOver.record(app, now.minus(Duration.ofDays(1)));
        plan = new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb2", List.of(new PlannedRelease(
                "pkgdb", "2.0.0", Optional.empty())), "production", now.plus(Duration.ofDays(7)), Duration.ofHours(4),
                "pingou", Optional.empty(), PlanStatus.SCHEDULED, now.minus(Duration.ofDays(2))));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        day = app.day(PolicyReader.defaults(), Templates.defaults(), FROM);
    }

    @AfterEach
    void stop() {
        smtp.stop();
        app.close();
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).as(o.toString()).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    static String refused(Outcome<?> o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) o).reason();
    }

    int deliver() {
        return app.announcements(PolicyReader.defaults(), Templates.defaults(), FROM).deliver(Map.of(
                OutboxEntry.Channel.MAIL, new SmtpCourier(new MailSettings("127.0.0.1", port, "none", Optional.empty(),
                        Optional.empty(), FROM, Duration.ofSeconds(5)))), 100).delivered();
    }

    /** The confirm-link tokens in the mails the server got for {@code address}, oldest first. */
    List<String> tokens(String address) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                String text = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
                Matcher t = RosterInviteTest.LINK.matcher(text);
                assertThat(t.find()).as("a confirm link in the mail to " + address).isTrue();
                out.add(t.group(1));
            }
        }
        return out;
    }

    String firstAddress() {
        RosterMember first = day.roster().members(plan.id()).get(0);
        return app.catalog().export().people().stream().filter(p -> p.username().equals(first.username()))
                .findFirst().orElseThrow().email();
    }

    Gate rosterGate() {
        PlanReport r = done(app.plans(PolicyReader.defaults()).report(plan.id()));
        return r.gates().stream().filter(g -> g.id().equals("roster")).findFirst().orElseThrow();
    }

    @Test
    void invitations_reach_the_mail_server_once_and_a_link_confirms_once_and_never_again_or_forged() throws Exception {
        RosterView proposed = done(day.roster().propose(plan.id()));
        List<RosterMember> invited = done(day.roster().invite(plan.id(), "https://breakwater.example.org"));
        assertThat(invited).hasSize(proposed.lines().size());
        assertThat(deliver()).isEqualTo(invited.size());
        assertThat(deliver()).as("each mail once").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(invited.size());
        String token = tokens(firstAddress()).get(0);
        assertThat(done(day.roster().confirmByLink(token)).confirmedVia()).contains("link");
        assertThat(refused(day.roster().confirmByLink(token))).contains("used already");
        char last = token.charAt(token.length() - 1);
        assertThat(refused(day.roster().confirmByLink(token.substring(0, token.length() - 1) + (last == 'A' ? 'B'
                : 'A')))).contains("not one Breakwater made");
        assertThat(day.roster().members(plan.id()).stream().filter(RosterMember::confirmed)).hasSize(1);
    }

    @Test
    void a_link_replaced_by_a_new_invitation_or_used_after_the_window_confirms_nobody() throws Exception {
        done(day.roster().propose(plan.id()));
        done(day.roster().invite(plan.id(), "https://breakwater.example.org"));
        deliver();
        done(day.roster().invite(plan.id(), "https://breakwater.example.org"));
        deliver();
        List<String> tokens = tokens(firstAddress());
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(2);
        assertThat(refused(day.roster().confirmByLink(tokens.get(0)))).contains("a newer invitation replaced it");
        clock.ahead = Duration.between(Instant.now(), plan.end()).plusMinutes(1);
        assertThat(refused(day.roster().confirmByLink(tokens.get(tokens.size() - 1)))).contains("expired");
        assertThat(day.roster().members(plan.id())).noneMatch(RosterMember::confirmed);
    }

    @Test
    void the_roster_gate_is_met_by_confirmations_alone() {
        RosterView proposed = done(day.roster().propose(plan.id()));
        assertThat(rosterGate().state()).isEqualTo(GateState.PENDING);
        proposed.lines().stream().filter(l -> l.member().role() != RosterRole.OWNER)
                .forEach(l -> done(day.roster().confirm(plan.id(), l.member().username(), "cli")));
        Gate after = rosterGate();
        assertThat(after.state()).as(after.detail()).isEqualTo(GateState.MET);
        assertThat(done(day.roster().view(plan.id())).gaps()).noneMatch(g -> g.contains("firefighter"));
    }
}
