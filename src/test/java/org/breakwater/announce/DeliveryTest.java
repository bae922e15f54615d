package org.breakwater.announce;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.announce.mail.FolderCourier;
import org.breakwater.announce.store.JdbiAnnounceRepository;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.PlanReport;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.Test;

/**
 * The demo's pkgdb2 notices delivered to a real SMTP server (GreenMail on a random port):
 * exactly once, even when the sender dies mid-batch or the server is down for a while; and the
 * notice gates turn green from the sent mail.
 */
class DeliveryTest extends DemoMailCase {
    AnnounceService service() {
        return new AnnounceService(new JdbiAnnounceRepository(app.database().jdbi()), app.plans(PolicyReader.defaults()),
                app.catalog(), PolicyReader.defaults(), Templates.defaults(), FROM, clock);
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    Gate gate(String id) {
        PlanReport r = done(app.plans(PolicyReader.defaults()).report(1));
        return r.gates().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_sent_outage_notice_reaches_the_server_once_and_satisfies_its_gate() throws Exception {
        AnnounceService s = service();
        assertThat(gate("outage-notice").state()).isEqualTo(GateState.PENDING);
        Announcement a = done(s.draft(1, Kind.OUTAGE_NOTICE, Optional.empty(), Optional.empty(), "pingou")).get(0);
        assertThat(s.deliver(mail.couriers(), 10).delivered()).as("a draft is never sent by itself").isZero();
        Announcement queued = done(s.send(a.id(), "pingou"));
        assertThat(queued.status()).isEqualTo(Announcement.Status.QUEUED);
        assertThat(s.send(a.id(), "pingou")).isInstanceOf(Outcome.Refused.class);

        AnnounceService.Delivery d = s.deliver(mail.couriers(), 10);
        assertThat(d.delivered()).isEqualTo(1);
        assertThat(s.deliver(mail.couriers(), 10).delivered()).isZero();
        MimeMessage[] got = mail.received();
        assertThat(got).as("one copy per recipient mailbox").hasSize(2);
        MimeMessage m = got[0];
        String id = s.announcement(a.id()).orElseThrow().messageId().orElseThrow();
        assertThat(m.getMessageID()).isEqualTo(id).matches("<breakwater\\.announcement-\\d+\\.[0-9a-f]{12}@fedoraproject\\.org>");
        assertThat(m.getSubject()).startsWith("Planned Outage: fas, pkgdb - ");
        assertThat(m.getHeader("To", ", ")).isEqualTo("infrastructure@lists.fedoraproject.org, devel@lists.fedoraproject.org");
        assertThat(((String) m.getContent())).contains("date -d '");
        assertThat(s.announcement(a.id()).orElseThrow().status()).isEqualTo(Announcement.Status.SENT);
        Gate g = gate("outage-notice");
        assertThat(g.state()).isEqualTo(GateState.MET);
        assertThat(g.evidence()).singleElement().satisfies(e -> assertThat(e.evidence()).contains(id));
    }

    @Test
    void a_sender_killed_mid_batch_and_restarted_delivers_every_mail_exactly_once() throws Exception {
        AnnounceService s = service();
        List<Announcement> notes = done(s.draft(1, Kind.CONSUMER_NOTICE, Optional.empty(), Optional.empty(), "pingou"));
        assertThat(notes).hasSizeGreaterThan(10);
        for (Announcement n : notes) {
            done(s.send(n.id(), "pingou"));
        }
        Courier real = mail.couriers().get(OutboxEntry.Channel.MAIL);
        List<String> handed = new ArrayList<>();
        Courier dying = new Courier() {
            @Override
            public void deliver(OutboxEntry entry) throws DeliveryException {
                if (handed.size() == 5) {
                    throw new ThreadDeath(); // the process dies here, between two mails
                }
                real.deliver(entry);
                handed.add(entry.messageId());
            }

            @Override
            public String describe() {
                return "a sender that dies";
            }
        };
        try {
            s.deliver(Map.of(OutboxEntry.Channel.MAIL, dying), 100);
        } catch (ThreadDeath expected) {
            // killed
        }
        assertThat(handed).hasSize(5);
        assertThat(mail.received().length).isLessThan(notes.size());

        AnnounceService restarted = service();
        assertThat(restarted.deliver(mail.couriers(), 100).delivered()).as("the rest, but the one held at the kill")
                .isEqualTo(notes.size() - 6);
        clock.ahead = Duration.ofMinutes(6); // the dead sender's claim runs out
        assertThat(restarted.deliver(mail.couriers(), 100).delivered()).isEqualTo(1);
        assertThat(restarted.deliver(mail.couriers(), 100).delivered()).isZero();

        List<String> ids = new ArrayList<>();
        for (MimeMessage m : mail.received()) {
            ids.add(m.getMessageID() + " " + m.getAllRecipients()[0]);
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().map(x -> x.split(" ")[0]).distinct()).hasSize(notes.size());
        assertThat(restarted.list(Optional.of(1L))).filteredOn(a -> a.kind() == Kind.CONSUMER_NOTICE)
                .hasSize(notes.size()).allSatisfy(a -> assertThat(a.status()).isEqualTo(Announcement.Status.SENT));
    }

    @Test
    void while_the_server_is_down_mail_waits_and_goes_out_once_it_is_back() throws Exception {
        AnnounceService s = service();
        Announcement a = done(s.draft(1, Kind.API_BREAK_NOTICE, Optional.of("Port to /api/package/."), Optional.empty(),
                "pingou")).get(0);
        done(s.send(a.id(), "pingou"));
        mail.stopSmtp();
        AnnounceService.Delivery down = s.deliver(mail.couriers(), 10);
        assertThat(down.failed()).isEqualTo(1);
        assertThat(down.errors()).singleElement().asString().contains("cannot send through smtp://127.0.0.1:" + mail.port())
                .contains("attempt 1");
        assertThat(s.outbox(50)).filteredOn(e -> e.channel() == OutboxEntry.Channel.MAIL).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxEntry.State.PENDING);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isPresent();
        });
        assertThat(s.deliver(mail.couriers(), 10).failed()).as("not retried before its back-off").isZero();
        mail.startSmtp();
        clock.ahead = Duration.ofMinutes(1);
        assertThat(s.deliver(mail.couriers(), 10).delivered()).isEqualTo(1);
        assertThat(mail.received()).isNotEmpty();
        assertThat(gate("api-break-notice").evidence()).anySatisfy(e -> assertThat(e.evidence())
                .contains(s.announcement(a.id()).orElseThrow().messageId().orElseThrow()));
    }

    @Test
    void the_dry_run_writes_each_mail_to_a_folder_instead() throws Exception {
        AnnounceService s = service();
        Announcement a = done(s.draft(1, Kind.CALL_FOR_TESTING, Optional.empty(), Optional.empty(), "pingou")).get(0);
        done(s.send(a.id(), "pingou"));
        Path folder = dir.resolve("outgoing");
        assertThat(s.deliver(Map.of(OutboxEntry.Channel.MAIL, new FolderCourier(folder, FROM)), 10).delivered()).isOne();
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(Files.readString(f))
                .contains("Subject: Call for testing: fas, pkgdb in staging (API-BREAKING)")
                .contains("Message-ID: <breakwater.announcement-"));
        assertThat(mail.received()).isEmpty();
    }

    @Test
    void header_injection_and_recipients_outside_the_catalog_are_refused() {
        AnnounceService s = service();
        Announcement a = done(s.draft(1, Kind.OUTAGE_NOTICE, Optional.empty(), Optional.empty(), "pingou")).get(0);
        Outcome<Announcement> injected = s.edit(a.id(), Optional.empty(), Optional.of("Outage\r\nBcc: victim@example.org"),
                Optional.empty(), "pingou");
        assertThat(((Outcome.Refused<Announcement>) injected).reason()).contains("line break");
        Outcome<Announcement> badAddress = s.edit(a.id(), Optional.of(List.of("devel@lists.fedoraproject.org\r\nBcc: x@y.z")),
                Optional.empty(), Optional.empty(), "pingou");
        assertThat(((Outcome.Refused<Announcement>) badAddress).reason()).contains("is not a plain e-mail address");
        Outcome<Announcement> stranger = s.edit(a.id(), Optional.of(List.of("someone@example.org")), Optional.empty(),
                Optional.empty(), "pingou");
        assertThat(((Outcome.Refused<Announcement>) stranger).reason()).contains("is not in the catalog or the policy");
        Announcement edited = done(s.edit(a.id(), Optional.of(List.of("devel@lists.fedoraproject.org")),
                Optional.of("Planned Outage: pkgdb2"), Optional.of("Body <b>as written</b>"), "nirik"));
        assertThat(edited.to()).containsExactly("devel@lists.fedoraproject.org");
        assertThat(edited.editedBy()).contains("nirik");
        assertThat(s.announcement(a.id()).orElseThrow().subject()).isEqualTo("Planned Outage: pkgdb2");
    }

    @Test
    void approved_reminders_go_out_by_themselves_each_once_at_its_lead_time() throws Exception {
        AnnounceService s = service();
        assertThat(s.approveReminders(1, "pingou")).isInstanceOf(Outcome.Done.class);
        assertThat(s.approveReminders(1, "nirik")).as("once").isInstanceOf(Outcome.Refused.class);
        assertThat(s.deliver(mail.couriers(), 100).delivered()).as("twelve days ahead: not yet").isZero();
        java.time.Instant start = app.plans(PolicyReader.defaults()).plan(1).orElseThrow().start();
        clock.ahead = Duration.between(Instant.now(), start.minus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(s.deliver(mail.couriers(), 100).delivered()).isOne();
        assertThat(s.deliver(mail.couriers(), 100).delivered()).isZero();
        assertThat(mail.received()[0].getSubject()).startsWith("Reminder: fas, pkgdb outage");
        assertThat(((String) mail.received()[0].getContent())).contains("starts in 3 days");
        assertThat(gate("reminders").state()).isEqualTo(GateState.PENDING);
        clock.ahead = Duration.between(Instant.now(), start.minus(Duration.ofDays(1)).plusSeconds(60));
        assertThat(s.deliver(mail.couriers(), 100).delivered()).isOne();
        assertThat(service().deliver(mail.couriers(), 100).delivered()).as("a second worker sends nothing more").isZero();
        assertThat(s.list(Optional.of(1L))).filteredOn(a -> a.kind() == Kind.REMINDER).hasSize(2)
                .allSatisfy(a -> assertThat(a.sentBy()).contains("pingou"));
        assertThat(gate("reminders").state()).isEqualTo(GateState.MET);
    }
}
