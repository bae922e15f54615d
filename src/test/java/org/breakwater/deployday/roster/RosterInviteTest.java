package org.breakwater.deployday.roster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.DemoMailCase;
import org.breakwater.announce.Templates;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.DayServices;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roster invitations delivered to a real SMTP server (GreenMail on a random port) with the window
 * as an .ics, confirmed through their single-use links, and the roster gate following the
 * confirmations; on the demo's bodhi2 plan, whose roster nobody has proposed yet.
 */
class RosterInviteTest extends DemoMailCase {
    static final Pattern LINK = Pattern.compile("/roster/confirm\\?token=([A-Za-z0-9_-]+)");

    DayServices day;
    long bodhi2;

    @BeforeEach
    void plan() {
        day = app.day(PolicyReader.defaults(), Templates.defaults(), FROM);
        bodhi2 = app.plans(PolicyReader.defaults()).list(Optional.empty()).stream()
                .filter(p -> p.title().startsWith("bodhi2")).findFirst().orElseThrow().id();
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    static String refused(Outcome<?> o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) o).reason();
    }

    int deliver() {
        AnnounceService s = app.announcements(PolicyReader.defaults(), Templates.defaults(), FROM);
        return s.deliver(mail.couriers(), 100).delivered();
    }

    Gate roster() {
        PlanReport r = done(app.plans(PolicyReader.defaults()).report(bodhi2));
        return r.gates().stream().filter(g -> g.id().equals("roster")).findFirst().orElseThrow();
    }

    /** The confirm link's token in the mail to {@code address}. */
    String token(String address) throws Exception {
        for (MimeMessage m : mail.received()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                String text = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
                Matcher t = LINK.matcher(text);
                assertThat(t.find()).as("a confirm link in the mail to " + address).isTrue();
                return t.group(1);
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    @Test
    void each_invitation_reaches_the_server_once_with_the_window_as_an_ics() throws Exception {
        RosterView proposed = done(day.roster().propose(bodhi2));
        assertThat(proposed.lines()).isNotEmpty();
        List<RosterMember> invited = done(day.roster().invite(bodhi2, "https://breakwater.example.org"));
        assertThat(invited).hasSize(proposed.lines().size()).allSatisfy(m -> assertThat(m.invitedAt()).isPresent());
        int people = (int) proposed.lines().stream().map(l -> l.email()).distinct().count();
        assertThat(deliver()).isEqualTo(invited.size());
        assertThat(deliver()).as("each mail once").isZero();
        MimeMessage[] got = mail.received();
        assertThat(got).hasSize(invited.size());
        assertThat(java.util.Arrays.stream(got).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count()).isEqualTo(people);
        MimeMultipart parts = (MimeMultipart) got[0].getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart ics = parts.getBodyPart(1);
        assertThat(ics.getContentType()).startsWith("text/calendar");
        assertThat(ics.getFileName()).isEqualTo("invite.ics");
        String calendar = new String(ics.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Plan plan = app.plans(PolicyReader.defaults()).plan(bodhi2).orElseThrow();
        String start = plan.start().toString().replace("-", "").replace(":", "").replace(".000", "");
        assertThat(calendar).contains("BEGIN:VCALENDAR").contains("DTSTART:" + start)
                .contains("SUMMARY:Deployment day: bodhi2");
        assertThat(got[0].getSubject()).startsWith("Roster: bodhi2");
    }

    @Test
    void a_confirm_link_confirms_once_and_a_reused_or_forged_one_is_refused() throws Exception {
        done(day.roster().propose(bodhi2));
        done(day.roster().invite(bodhi2, "https://breakwater.example.org"));
        deliver();
        RosterMember first = day.roster().members(bodhi2).get(0);
        String address = app.catalog().export().people().stream().filter(p -> p.username().equals(first.username()))
                .findFirst().orElseThrow().email();
        String token = token(address);
        RosterMember confirmed = done(day.roster().confirmByLink(token));
        assertThat(confirmed.confirmedVia()).contains("link");
        assertThat(refused(day.roster().confirmByLink(token))).contains("used already");
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(refused(day.roster().confirmByLink(forged))).contains("not one Breakwater made");
        assertThat(refused(day.roster().confirmByLink("../../etc/passwd"))).contains("not one Breakwater made");
    }

    @Test
    void a_confirm_link_used_after_the_window_ended_is_refused() throws Exception {
        done(day.roster().propose(bodhi2));
        done(day.roster().invite(bodhi2, "https://breakwater.example.org"));
        deliver();
        RosterMember first = day.roster().members(bodhi2).get(0);
        String address = app.catalog().export().people().stream().filter(p -> p.username().equals(first.username()))
                .findFirst().orElseThrow().email();
        String token = token(address);
        Plan plan = app.plans(PolicyReader.defaults()).plan(bodhi2).orElseThrow();
        clock.ahead = Duration.between(java.time.Instant.now(), plan.end()).plusHours(1);
        assertThat(refused(day.roster().confirmByLink(token))).contains("expired");
        assertThat(day.roster().members(bodhi2).get(0).confirmed()).isFalse();
    }

    @Test
    void the_roster_gate_follows_confirmations_and_still_counts_evidence_recorded_by_hand() {
        RosterView proposed = done(day.roster().propose(bodhi2));
        Gate before = roster();
        assertThat(before.state()).isEqualTo(GateState.PENDING);
        List<String> firefighters = proposed.lines().stream()
                .filter(l -> l.member().role() == RosterRole.FIREFIGHTER).map(l -> l.member().username()).toList();
        assertThat(firefighters).hasSize(2);
        // one firefighter recorded by hand, as before the roster existed; the other confirms
        done(app.plans(PolicyReader.defaults()).record(bodhi2, "roster", firefighters.get(0), "nirik", Optional.empty(),
                Optional.of("firefighter"), Optional.empty()));
        done(day.roster().confirm(bodhi2, firefighters.get(1), "login"));
        proposed.lines().stream().filter(l -> l.member().role() == RosterRole.CONTACT)
                .forEach(l -> done(day.roster().confirm(bodhi2, l.member().username(), "cli")));
        Gate after = roster();
        assertThat(after.state()).as(after.detail()).isEqualTo(GateState.MET);
        assertThat(after.evidence()).anySatisfy(e -> assertThat(e.evidence()).contains(firefighters.get(1)
                + " confirmed on the roster"));
        assertThat(done(day.roster().view(bodhi2)).gaps()).noneMatch(g -> g.contains("firefighter"));
    }

    @Test
    void the_proposal_names_the_firefighters_the_owner_and_one_contact_per_outside_team_and_lists_the_gaps() {
        RosterView pkgdb2 = done(day.roster().view(1));
        assertThat(pkgdb2.lines()).filteredOn(l -> l.member().role() == RosterRole.FIREFIGHTER).hasSize(2);
        assertThat(pkgdb2.lines()).filteredOn(l -> l.member().role() == RosterRole.OWNER).singleElement()
                .satisfies(l -> assertThat(l.member().reason()).isEqualTo("owns fas, pkgdb"));
        List<String> teams = pkgdb2.lines().stream().filter(l -> l.member().role() == RosterRole.CONTACT)
                .map(l -> l.member().team().orElseThrow()).toList();
        assertThat(teams).doesNotHaveDuplicates().contains("abrt", "cvsadmins", "qa", "rel-eng")
                .doesNotContain("infrastructure");
        assertThat(pkgdb2.lines()).filteredOn(l -> l.member().team().filter("cvsadmins"::equals).isPresent())
                .singleElement().satisfies(l -> assertThat(l.member().username())
                        .as("the contact the catalog names for the team's consumer").isEqualTo("tibbs"));
        assertThat(pkgdb2.gaps()).anySatisfy(g -> assertThat(g).startsWith("unknown caller unknown (fedora-review"));
        assertThat(refused(day.roster().propose(999))).contains("no plan 999");
    }

    @Test
    void nobody_is_invited_to_a_window_that_has_ended_and_an_unknown_plan_is_refused() {
        assertThat(refused(day.roster().invite(999, "https://x.example.org"))).contains("no plan 999");
        assertThat(refused(day.roster().confirm(bodhi2, "nobody", "cli"))).contains("not on plan");
        Plan plan = app.plans(PolicyReader.defaults()).plan(bodhi2).orElseThrow();
        clock.ahead = Duration.between(java.time.Instant.now(), plan.end()).plusHours(1);
        assertThat(refused(day.roster().invite(bodhi2, "https://x.example.org"))).contains("window ended");
    }
}
