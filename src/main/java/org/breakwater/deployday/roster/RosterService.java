package org.breakwater.deployday.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Person;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;

/**
 * The roster's use cases: propose, add, invite, confirm (logged in, by the CLI, or through the
 * single-use link of the invitation), and the confirmations the {@code roster} gate counts.
 */
public final class RosterService {
    private final RosterRepository roster;
    private final PlanService plans;
    private final CatalogService catalog;
    private final AnnounceRepository outbox;
    private final String from;
    private final Clock clock;
    private final ConfirmLinks links = new ConfirmLinks();

    public RosterService(RosterRepository roster, PlanService plans, CatalogService catalog, AnnounceRepository outbox,
                         String from, Clock clock) {
        this.roster = roster;
        this.plans = plans;
        this.catalog = catalog;
        this.outbox = outbox;
        this.from = from;
        this.clock = clock;
    }

    /** Proposes the roster from the plan and stores whoever is not on it yet; the roster as it now stands. */
    public Outcome<RosterView> propose(long planId) {
        return plans.report(planId).map(report -> {
            Proposed p = new RosterProposer(catalog.export(), plans.policy().roster()).propose(report);
            p.people().forEach(x -> roster.add(planId, x.username(), x.role(), x.team(), x.reason(), clock.instant()));
            return view(report, p.gaps());
        });
    }

    /** Puts someone on the roster by hand (to fill a gap). */
    public Outcome<RosterMember> add(long planId, String username, RosterRole role, Optional<String> team, String by) {
        if (plans.plan(planId).isEmpty()) {
            return Outcome.refused("no plan " + planId);
        }
        Catalog all = catalog.export();
        if (all.people().stream().noneMatch(p -> p.username().equals(username))) {
            return Outcome.refused("no person '" + username + "' in the catalog (people.yaml)");
        }
        if (role == RosterRole.CONTACT && (team.isEmpty() || all.team(team.get()).isEmpty())) {
            return Outcome.refused("a contact answers for a team of the catalog: give --team TEAM");
        }
        if (role != RosterRole.CONTACT && team.isPresent()) {
            return Outcome.refused("--team belongs to a contact");
        }
        return Outcome.done(roster.add(planId, username, role, team, "added by " + by, clock.instant()));
    }

    public Outcome<RosterView> view(long planId) {
        return plans.report(planId).map(report -> view(report,
                new RosterProposer(catalog.export(), plans.policy().roster()).propose(report).gaps()));
    }

    private RosterView view(PlanReport report, List<String> proposalGaps) {
        Plan plan = report.plan();
        Catalog all = catalog.export();
        List<RosterMember> members = roster.members(plan.id());
        List<RosterView.Line> lines = new ArrayList<>();
        for (RosterMember m : members) {
            Optional<Person> p = all.people().stream().filter(x -> x.username().equals(m.username())).findFirst();
            ZoneId zone = p.map(Person::timezone).orElse(ZoneId.of("UTC"));
            lines.add(new RosterView.Line(m, p.map(Person::name).orElse(m.username()), p.map(Person::email).orElse(""),
                    DayHours.local(plan.start(), plan.end(), zone), DayHours.outside(plan.start(), plan.end(), zone)));
        }
        List<String> gaps = new ArrayList<>(proposalGaps);
        List<Evidence> evidence = report.gates().stream().filter(g -> g.id().equals("roster"))
                .flatMap(g -> g.evidence().stream()).toList();
        gaps.addAll(RosterGaps.unconfirmed(members, evidence.isEmpty() ? confirmations(members) : evidence,
                plans.policy().roster(), report.assessment().outsideTeams()));
        return new RosterView(plan, lines, gaps);
    }

    /**
     * Invites everyone on the roster not yet confirmed: a mail through the outbox with the window
     * as an .ics and a single-use confirm link under {@code baseUrl} (valid until the window ends).
     */
    public Outcome<List<RosterMember>> invite(long planId, String baseUrl) {
        Optional<Plan> found = plans.plan(planId);
        if (found.isEmpty()) {
            return Outcome.refused("no plan " + planId);
        }
        Plan plan = found.get();
        Instant now = clock.instant();
        if (!plan.end().isAfter(now)) {
            return Outcome.refused("plan " + planId + "'s window ended " + plan.end() + ": nobody to invite to it");
        }
        Catalog all = catalog.export();
        List<RosterMember> invited = new ArrayList<>();
        for (RosterMember m : roster.members(planId)) {
            Optional<Person> p = all.people().stream().filter(x -> x.username().equals(m.username())).findFirst();
            if (m.confirmed() || p.isEmpty() || p.get().email().isBlank()) {
                continue;
            }
            String token = links.token();
            roster.invited(m.id(), now, ConfirmLinks.hash(token), plan.end());
            outbox.enqueue(Invitation.mail(plan, m, p.get(), baseUrl, token, from, now));
            invited.add(roster.member(m.id()).orElseThrow());
        }
        return Outcome.done(invited);
    }

    /** {@code username} confirms every role they have on the plan's roster ({@code via}: login or cli). */
    public Outcome<List<RosterMember>> confirm(long planId, String username, String via) {
        if (plans.plan(planId).isEmpty()) {
            return Outcome.refused("no plan " + planId);
        }
        List<RosterMember> theirs = roster.members(planId).stream().filter(m -> m.username().equals(username)).toList();
        if (theirs.isEmpty()) {
            return Outcome.refused(username + " is not on plan " + planId + "'s roster (roster add, or roster propose)");
        }
        theirs.forEach(m -> roster.confirm(m.id(), clock.instant(), via));
        return Outcome.done(theirs.stream().map(m -> roster.member(m.id()).orElseThrow()).toList());
    }

    /** Confirms through the link of an invitation: refused when forged, used or expired. */
    public Outcome<RosterMember> confirmByLink(String token) {
        if (!ConfirmLinks.wellFormed(token)) {
            return Outcome.refused("this confirm link is not one Breakwater made");
        }
        String hash = ConfirmLinks.hash(token);
        Optional<RosterMember> m = roster.byLink(hash);
        if (m.isEmpty()) {
            return Outcome.refused("this confirm link is not one Breakwater made, or a newer invitation replaced it");
        }
        Instant now = clock.instant();
        if (!roster.useLink(hash, now)) {
            RosterMember was = roster.byLink(hash).orElseThrow();
            return Outcome.refused(was.confirmed() && was.confirmedVia().filter("link"::equals).isPresent()
                    ? "this confirm link was used already (" + was.confirmedAt().get() + "): each link confirms once"
                    : "this confirm link has expired or was used: log in and confirm on the plan's board");
        }
        return Outcome.done(roster.member(m.get().id()).orElseThrow());
    }

    /** What the link would confirm, without using it (the page shown before the button), if it is good. */
    public Optional<RosterMember> peek(String token) {
        return ConfirmLinks.wellFormed(token) ? roster.byLink(ConfirmLinks.hash(token)) : Optional.empty();
    }

    /** The confirmations as evidence for the {@code roster} gate (firefighters and outside-team contacts). */
    public List<Evidence> confirmations(long planId) {
        return confirmations(roster.members(planId));
    }

    /** The confirmations among {@code members} as evidence for the roster gate. */
    public static List<Evidence> confirmations(List<RosterMember> members) {
        List<Evidence> out = new ArrayList<>();
        for (RosterMember m : members) {
            if (m.confirmed() && m.gateNote().isPresent()) {
                out.add(new Evidence(0, m.planId(), "roster", m.username() + " confirmed on the roster ("
                        + m.confirmedVia().orElse("?") + ")", m.username(), m.confirmedAt().get(), m.gateNote(),
                        Optional.empty()));
            }
        }
        return out;
    }

    /** The plan's roster as stored. */
    public List<RosterMember> members(long planId) {
        return roster.members(planId);
    }

    /** The people on plan {@code planId}'s roster, for notifications. */
    public Set<String> usernames(long planId) {
        Set<String> names = new TreeSet<>();
        roster.members(planId).forEach(m -> names.add(m.username()));
        return names;
    }
}
