package org.breakwater.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.Main;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Gate;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.GateState;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PolicyVerdict;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minutes ingested into the demo's store (plans BW-1 pkgdb2, BW-2 bodhi2, BW-3 fedocal): what the
 * matched items prove lands on the plans' gates, ambiguous ones wait for a person, and nothing is
 * recorded twice or on a refusal.
 */
class MeetingServiceTest {
    static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @TempDir
    static Path demo;

    @TempDir
    Path dir;

    App app;
    MeetingService meetings;

    @BeforeAll
    static void makeDemo() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", demo.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
    }

    @BeforeEach
    void open() throws IOException {
        Files.copy(demo.resolve("store/breakwater.db"), dir.resolve("breakwater.db"), StandardCopyOption.REPLACE_EXISTING);
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        meetings = app.meetings(PolicyReader.defaults());
    }

    @AfterEach
    void close() {
        app.close();
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).as(o instanceof Outcome.Refused<T> r ? r.reason() : "").isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    static String refused(Outcome<?> o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) o).reason();
    }

    PlanReport report(long plan) {
        return done(meetings.plans().report(plan));
    }

    Gate gate(long plan, String id) {
        return report(plan).gates().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    List<Evidence> evidence(long plan, String gate) {
        return report(plan).gates().stream().flatMap(g -> g.evidence().stream()).filter(e -> e.gate().equals(gate))
                .distinct().toList();
    }

    MeetingService.Shown ingest(String... lines) {
        return done(meetings.ingest("infrastructure." + YESTERDAY + "-18.00.log.txt", MeetBotLog.bytes(YESTERDAY, lines),
                "nirik"));
    }

    StoredItem at(MeetingService.Shown s, int line) {
        return s.items().stream().filter(i -> i.line() == line).findFirst().orElseThrow();
    }

    @Test
    void a_topic_naming_a_plan_records_meeting_evidence_linking_the_line_and_the_gate_follows() {
        assertThat(gate(2, "meeting").state()).isEqualTo(GateState.PENDING);
        MeetingService.Shown s = ingest("18:01:00 <nirik> #topic bodhi2 after the F21 release (BW-2)",
                "18:02:00 <pingou> #info BW-2 needs the new fedmsg schema first");
        assertThat(at(s, 6).state()).isEqualTo(ItemState.APPLIED);
        Gate g = gate(2, "meeting");
        assertThat(g.state()).isEqualTo(GateState.MET);
        assertThat(g.evidence()).as("one record per meeting, however many lines name the plan").singleElement()
                .satisfies(e -> {
                    assertThat(e.evidence()).isEqualTo("/meetings/" + s.meeting().id() + "#line-6");
                    assertThat(e.by()).isEqualTo("nirik");
                    assertThat(e.at()).isEqualTo(YESTERDAY.atTime(18, 1).toInstant(ZoneOffset.UTC));
                    assertThat(e.note()).get().asString().contains("discussed on " + YESTERDAY);
                });
    }

    @Test
    void an_agreed_classification_becomes_the_plans_meeting_decision_with_the_chair_as_approver() {
        assertThat(report(3).assessment().verdict()).as("the demo's minutes said exempt")
                .isInstanceOf(PolicyVerdict.Exempt.class);
        MeetingService.Shown s = ingest("18:05:00 <nirik> #topic fedocal: essential after all?",
                "18:06:00 <smooge> #agreed fedocal is essential");
        assertThat(at(s, 7).state()).isEqualTo(ItemState.APPLIED);
        assertThat(at(s, 7).outcome()).contains("meeting-decision applies by smooge on plan BW-3");
        assertThat(evidence(3, "meeting-decision")).hasSize(2).last().satisfies(e -> {
            assertThat(e.decision()).contains("applies");
            assertThat(e.by()).isEqualTo("smooge");
            assertThat(e.evidence()).isEqualTo("/meetings/" + s.meeting().id() + "#line-7");
        });
        assertThat(report(3).assessment().verdict()).isInstanceOf(PolicyVerdict.Applies.class);
        assertThat(gate(3, "meeting-decision").state()).isEqualTo(GateState.MET);
    }

    Plan tagger(String version) {
        return done(meetings.plans().create(new NewPlan("tagger " + version, Map.of("tagger", version), Map.of(),
                "production", Instant.now().plus(Duration.ofDays(40)), Duration.ofHours(2), "ralph", Optional.empty(),
                PlanStatus.DRAFT)));
    }

    @Test
    void a_classification_agreed_when_no_open_plan_ships_the_service_is_kept_and_recorded_on_its_later_plans() {
        assertThat(meetings.plans().list(Optional.empty())).as("no demo plan ships tagger")
                .noneMatch(p -> p.releaseLabel().contains("tagger"));
        MeetingService.Shown s = done(meetings.ingest("infrastructure.2d.log.txt", MeetBotLog.bytes(YESTERDAY.minusDays(1),
                "18:05:00 <nirik> #topic tagger 3.0 next month", "18:06:00 <smooge> #agreed tagger is not essential"),
                "nirik"));
        assertThat(at(s, 7).state()).isEqualTo(ItemState.KEPT);
        assertThat(at(s, 7).outcome()).contains("no open plan ships tagger: kept");

        Plan later = tagger("3.0.0");
        assertThat(evidence(later.id(), "meeting-decision")).as("recorded when the plan was made").singleElement()
                .satisfies(e -> {
                    assertThat(e.decision()).contains("exempt");
                    assertThat(e.by()).isEqualTo("smooge");
                    assertThat(e.evidence()).isEqualTo("/meetings/" + s.meeting().id() + "#line-7");
                });
        assertThat(report(later.id()).assessment().verdict()).isInstanceOf(PolicyVerdict.Exempt.class);
        assertThat(meetings.show(s.meeting().id()).orElseThrow().items()).filteredOn(i -> i.line() == 7).singleElement()
                .satisfies(i -> assertThat(i.outcome()).contains("recorded meeting-decision exempt by smooge on plan BW-"
                        + later.id()));

        MeetingService.Shown newer = ingest("18:05:00 <nirik> #topic tagger 3.0 (BW-" + later.id() + ")",
                "18:06:00 <smooge> #agreed tagger is essential");
        assertThat(at(newer, 7).state()).as("an open plan ships it now").isEqualTo(ItemState.APPLIED);
        done(meetings.plans().setStatus(later.id(), PlanStatus.CANCELLED));
        Plan after = tagger("3.1.0");
        assertThat(evidence(after.id(), "meeting-decision")).as("the newer meeting decided for that release only: the"
                + " kept classification no longer counts").isEmpty();
        assertThat(gate(after.id(), "meeting-decision").state()).isEqualTo(GateState.PENDING);
    }

    @Test
    void an_agreed_line_naming_no_known_service_is_shown_unmatched_and_records_nothing() {
        MeetingService.Shown s = ingest("18:06:00 <nirik> #agreed fedocall is not essential");
        assertThat(at(s, 6).state()).isEqualTo(ItemState.UNMATCHED);
        assertThat(at(s, 6).outcome()).contains("'fedocall' is not a service in the catalog");
        assertThat(evidence(3, "meeting-decision")).as("the demo's, from its own minutes").hasSize(1);
        assertThat(report(3).assessment().verdict()).isInstanceOf(PolicyVerdict.Exempt.class);
    }

    @Test
    void an_ambiguous_item_waits_for_a_person_and_is_applied_only_once_confirmed() {
        int before = evidence(1, "meeting").size();
        MeetingService.Shown s = ingest("18:03:00 <nirik> #topic pkgdb and bodhi: what breaks for whom");
        StoredItem item = at(s, 6);
        assertThat(item.state()).isEqualTo(ItemState.PENDING);
        assertThat(item.candidates()).containsExactlyInAnyOrder("service:pkgdb", "service:bodhi");
        assertThat(evidence(1, "meeting")).as("never applied silently").hasSize(before);
        assertThat(evidence(2, "meeting")).isEmpty();
        assertThat(meetings.pending()).extracting(StoredItem::id).containsExactly(item.id());

        assertThat(refused(meetings.confirm(item.id(), "service:fas", "pingou"))).contains("not one of");
        StoredItem confirmed = done(meetings.confirm(item.id(), "service:bodhi", "pingou"));
        assertThat(confirmed.state()).isEqualTo(ItemState.CONFIRMED);
        assertThat(confirmed.outcome()).contains("confirmed by pingou").contains("meeting evidence on plan BW-2");
        assertThat(evidence(2, "meeting")).singleElement().satisfies(e -> assertThat(e.evidence()).endsWith("#line-6"));
        assertThat(refused(meetings.confirm(item.id(), "service:bodhi", "nirik"))).contains("is confirmed");
        assertThat(evidence(2, "meeting")).hasSize(1);
        assertThat(meetings.pending()).isEmpty();
    }

    @Test
    void a_rejected_ambiguous_item_records_nothing() {
        StoredItem item = at(ingest("18:03:00 <nirik> #topic pkgdb and bodhi"), 6);
        assertThat(done(meetings.confirm(item.id(), "none", "pingou")).state()).isEqualTo(ItemState.REJECTED);
        assertThat(evidence(2, "meeting")).isEmpty();
    }

    @Test
    void an_agreed_freeze_break_is_an_approval_on_the_freeze_gate_in_the_chairs_name() {
        MeetingService.Shown s = ingest("18:04:00 <smooge> #agreed freeze break approved for BW-1 (pkgdb2)");
        assertThat(at(s, 6).outcome()).contains("freeze-break approval by smooge on plan BW-1");
        assertThat(evidence(1, "freeze")).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo("smooge"));
    }

    @Test
    void action_lines_become_open_follow_ups_on_their_plan_until_done() {
        MeetingService.Shown s = ingest("18:01:00 <nirik> #topic BW-2", "18:02:00 <nirik> #action lmacken to port"
                + " the BW-2 fedmsg consumers", "18:02:30 <nirik> #action smooge to renew the certificates");
        assertThat(s.followUps()).hasSize(2);
        assertThat(meetings.openFollowUps(Optional.of(2L))).as("the second by the topic it was said under")
                .extracting(FollowUp::text).containsExactly("lmacken to port the BW-2 fedmsg consumers",
                        "smooge to renew the certificates");
        long id = meetings.openFollowUps(Optional.of(2L)).get(0).id();
        done(meetings.followUpDone(id, "lmacken"));
        assertThat(meetings.openFollowUps(Optional.of(2L))).hasSize(1);
        assertThat(refused(meetings.followUpDone(id, "lmacken"))).contains("no open follow-up");
    }

    @Test
    void the_same_minutes_ingested_twice_record_nothing_twice() {
        byte[] log = MeetBotLog.bytes(YESTERDAY, "18:01:00 <nirik> #topic BW-2", "18:06:00 <nirik> #agreed fedocal is"
                + " essential");
        done(meetings.ingest("a.log.txt", log, "nirik"));
        assertThat(refused(meetings.ingest("copy.log.txt", log, "nirik"))).contains("was ingested already from a.log.txt")
                .contains("nothing recorded twice");
        byte[] edited = new String(log, StandardCharsets.UTF_8).replace("#topic BW-2", "#topic BW-2 again")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refused(meetings.ingest("other.log.txt", edited, "nirik")))
                .as("the same meeting from another of MeetBot's files").contains("was ingested already");
        assertThat(meetings.list()).hasSize(before() + 1);
        assertThat(evidence(2, "meeting")).hasSize(1);
        assertThat(evidence(3, "meeting-decision")).as("the demo's and this one").hasSize(2);
    }

    int before() {
        try (App fresh = App.open(new App.Settings(Optional.empty(), demo.resolve("store")), Clock.systemUTC())) {
            return fresh.meetings(PolicyReader.defaults()).list().size();
        }
    }

    @Test
    void minutes_that_cannot_be_read_are_refused_with_nothing_stored() {
        int before = meetings.list().size();
        assertThat(refused(meetings.ingest("notes.md", "# Meeting notes\n\n- fedocal is fine\n"
                .getBytes(StandardCharsets.UTF_8), "nirik"))).startsWith("notes.md: unknown format");
        byte[] latin1 = MeetBotLog.of(YESTERDAY, "18:01:00 <nirik> #info café for BW-2").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refused(meetings.ingest("latin1.log.txt", latin1, "nirik"))).startsWith("latin1.log.txt:6:")
                .contains("iconv");
        assertThat(refused(meetings.ingest("huge.log.txt", new byte[6 * 1024 * 1024], "nirik"))).contains("huge.log.txt");
        assertThat(meetings.list()).hasSize(before);
        assertThat(evidence(2, "meeting")).isEmpty();
    }

    @Test
    void truncated_minutes_are_stored_flagged_with_what_was_said_up_to_the_cut() {
        String log = MeetBotLog.of(YESTERDAY, "18:01:00 <nirik> #topic BW-2");
        String cut = log.substring(0, log.indexOf("18:30:00 <nirik> #endmeeting"));
        MeetingService.Shown s = done(meetings.ingest("cut.log.txt", cut.getBytes(StandardCharsets.UTF_8), "nirik"));
        assertThat(s.meeting().truncated()).isTrue();
        assertThat(gate(2, "meeting").state()).isEqualTo(GateState.MET);
    }

    @Test
    void the_agenda_lists_plans_needing_the_meeting_soonest_first_with_the_overdue_marked() {
        java.time.Instant soon = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plus(java.time.Duration.ofDays(20)).plus(java.time.Duration.ofHours(15));
        long sooner = done(meetings.plans().create(new org.breakwater.plan.NewPlan("bodhi 2.0 early", java.util.Map.of(
                "bodhi", "2.0.0"), java.util.Map.of(), "production", soon, java.time.Duration.ofHours(2), "lmacken",
                Optional.empty(), org.breakwater.plan.PlanStatus.DRAFT))).id();
        AgendaService agendas = app.agenda(PolicyReader.defaults(), "breakwater@fedoraproject.org");
        Agenda next = agendas.agenda(Optional.empty());
        List<Agenda.Item> dates = next.items().stream().filter(i -> i.kind() == Agenda.Kind.PLAN_DATE).toList();
        assertThat(dates).extracting(Agenda.Item::reference).containsExactly("BW-" + sooner, "BW-2");
        assertThat(dates).extracting(Agenda.Item::overdue).containsExactly(false, false);
        assertThat(next.occurrence().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        assertThat(next.occurrence().toInstant()).isAfter(java.time.Instant.now());
        Agenda late = agendas.agenda(Optional.of(LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        assertThat(late.items()).filteredOn(i -> i.kind() == Agenda.Kind.PLAN_DATE).extracting(Agenda.Item::overdue)
                .as("the first plan starts before that meeting").containsExactly(true, false);
        assertThat(late.lines()).contains("#topic BW-" + sooner + " bodhi 2.0 early (OVERDUE)");
    }
}
