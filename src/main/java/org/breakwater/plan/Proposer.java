package org.breakwater.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.calendar.AfterRelease;
import org.breakwater.calendar.AfterWeeklyMeeting;
import org.breakwater.calendar.Constraint;
import org.breakwater.calendar.NotBefore;
import org.breakwater.calendar.OutsideWindows;
import org.breakwater.calendar.Proposal;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Scheduler;
import org.breakwater.calendar.WithinBusinessHours;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.policy.Policy;

/**
 * {@code plan propose}: turns the policy and the calendar into scheduling constraints — notice
 * lead times, a weekly meeting before the date, staging soak, no freeze, a gap after releases,
 * business hours — and asks the scheduler for the earliest start that meets them all.
 */
final class Proposer {
    private final CatalogService catalog;
    private final Policy policy;
    private final ReleaseCalendar calendar;
    private final Instant now;

    /** {@code t}, or the next whole minute after it: proposed starts are whole minutes. */
    static Instant wholeMinute(Instant t) {
        Instant down = t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return down.equals(t) ? t : down.plusSeconds(60);
    }

    Proposer(CatalogService catalog, Policy policy, ReleaseCalendar calendar, Instant now) {
        this.catalog = catalog;
        this.policy = policy;
        this.calendar = calendar;
        this.now = now;
    }

    /** The earliest start for the plan of {@code r}, with the reason for each constraint. */
    Proposal propose(PlanReport r, List<Evidence> evidence, Optional<Instant> notBefore) {
        Plan plan = r.plan();
        List<Constraint> constraints = new ArrayList<>();
        boolean applies = !(r.assessment().verdict() instanceof PolicyVerdict.Exempt);
        if (applies && r.gates().stream().anyMatch(g -> g.id().equals("api-break-notice"))) {
            constraints.add(leadTime("API-break notice", "api-break-notice", policy.announcements().apiBreakNotice(),
                    evidence, now));
        }
        if (r.gates().stream().anyMatch(g -> g.id().equals("outage-notice"))) {
            constraints.add(leadTime("outage notice", "outage-notice", policy.announcements().outageNotice(), evidence, now));
        }
        if (applies && policy.meeting().minimum() > 0) {
            long held = evidence.stream().filter(e -> e.gate().equals("meeting")).count();
            int still = (int) Math.max(0, policy.meeting().minimum() - held);
            if (still > 0) {
                constraints.add(new AfterWeeklyMeeting("weekly infrastructure meeting", policy.meeting().day(),
                        policy.meeting().time(), policy.meeting().zone(), now, still));
            }
        }
        if (applies && !policy.staging().soak().isZero()) {
            for (PlannedRelease pr : plan.releases()) {
                Optional<Instant> since = stagingSince(pr);
                constraints.add(new NotBefore("staging soak of " + pr.service(), wholeMinute(since.orElse(now).plus(policy.staging().soak())),
                        since.map(t -> pr.service() + " " + pr.version() + " runs in staging since " + GateEvaluator.day(t))
                                .orElse(pr.service() + " " + pr.version() + " is not in staging yet")
                                + " and soaks " + GateEvaluator.days(policy.staging().soak())));
            }
        }
        ReleaseCalendar cal = calendar;
        Instant horizon = now.plus(java.time.Duration.ofDays(366));
        if (policy.freeze().blocksFrozenServices()
                && r.assessment().releases().stream().anyMatch(x -> x.service().freezeSensitive())) {
            constraints.add(new OutsideWindows("release freezes", cal.between(now.minus(java.time.Duration.ofDays(366)),
                    horizon).stream().filter(w -> w.kind() == org.breakwater.calendar.WindowKind.FREEZE).toList()));
        }
        if (!policy.schedule().afterRelease().isZero()) {
            constraints.add(new AfterRelease(cal.releases(now.minus(java.time.Duration.ofDays(366)), horizon),
                    policy.schedule().afterRelease()));
        }
        Policy.ScheduleRule hours = policy.schedule();
        constraints.add(new WithinBusinessHours(hours.days(), hours.from(), hours.to(), hours.zone()));
        notBefore.filter(t -> t.isAfter(now)).ifPresent(t -> constraints.add(0,
                new NotBefore("--not-before", t, "given on the command line")));
        return Scheduler.propose(wholeMinute(now), plan.duration(), constraints, horizon);
    }

    private static NotBefore leadTime(String what, String gate, java.time.Duration lead, List<Evidence> evidence, Instant now) {
        Optional<Evidence> sent = evidence.stream().filter(e -> e.gate().equals(gate)).findFirst();
        Instant from = sent.map(Evidence::at).orElse(now);
        return new NotBefore(what + " lead time", wholeMinute(from.plus(lead)), (sent.isPresent() ? "the " + what + " went out "
                + GateEvaluator.day(from) : "the " + what + " is not sent yet; sent now, it") + " needs "
                + GateEvaluator.days(lead) + " before the start");
    }

    /** Since when a non-production environment runs the release, if one does. */
    private Optional<Instant> stagingSince(PlannedRelease r) {
        Set<String> production = new TreeSet<>();
        catalog.environments().stream().filter(Environment::production).forEach(e -> production.add(e.name()));
        return (catalog.where(Optional.of(r.service())) instanceof Outcome.Done<List<Placement>> d ? d.value()
                : List.<Placement>of()).stream()
                .filter(p -> !production.contains(p.environment()) && p.version().equals(r.version()))
                .map(Placement::since).min(Instant::compareTo);
    }

}
