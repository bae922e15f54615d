package org.breakwater.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.breakwater.policy.Policy;

/**
 * The policy applied to a plan: the checklist of gates (docs/policy.md names each), each with
 * its state at {@code now}. Automatic gates (staging runs the candidate, no freeze) are judged
 * from the store and the calendar; the others from the evidence recorded on the plan.
 */
public final class GateEvaluator {
    /** What the gates look at besides the plan and its assessment. */
    public record Facts(List<Evidence> evidence, List<Waiver> waivers, List<String> stagingRuns,
                        List<FreezeWindow> freezes, Set<String> essentialServices, Instant now,
                        List<Migration> migrations, Optional<ReplayCheck> replay) {
        public Facts(List<Evidence> evidence, List<Waiver> waivers, List<String> stagingRuns, List<FreezeWindow> freezes,
                     Set<String> essentialServices, Instant now, List<Migration> migrations) {
            this(evidence, waivers, stagingRuns, freezes, essentialServices, now, migrations, Optional.empty());
        }

        public Facts {
            evidence = List.copyOf(evidence);
            waivers = List.copyOf(waivers);
            stagingRuns = List.copyOf(stagingRuns);
            freezes = List.copyOf(freezes);
            essentialServices = Set.copyOf(essentialServices);
            migrations = List.copyOf(migrations);
        }
    }

    /** A gate's line names at most this many missing consumers; the assessment lists them all. */
    static final int NAMED = 25;

    private final Policy policy;

    public GateEvaluator(Policy policy) {
        this.policy = policy;
    }

    public List<Gate> gates(Assessment a, Facts facts) {
        Plan plan = a.plan();
        List<Gate> gates = new ArrayList<>();
        boolean exempt = a.verdict() instanceof PolicyVerdict.Exempt;
        boolean decided = facts.evidence().stream().anyMatch(e -> e.gate().equals(Assessor.MEETING_DECISION));
        if (!exempt || decided) {
            if (a.verdict() instanceof PolicyVerdict.Undecided || decided) {
                gates.add(evidenceGate("meeting-decision", "Weekly meeting decided whether the policy applies",
                        "appliesTo.borderline: meeting-decides", Optional.of(plan.start()), 1, facts,
                        e -> e.decision().isPresent(), "a decision (applies or exempt) with the minutes"));
            }
        }
        boolean firstDeployment = a.releases().stream().anyMatch(r -> r.diff() instanceof DiffOutcome.FirstDeployment
                && policy.appliesTo().get(r.service().tier()) != org.breakwater.policy.Applicability.NEVER);
        if (exempt && firstDeployment) {
            // nothing can break, but people are still told when and what is coming (docs/policy.md)
            gates.add(evidenceGate("outage-notice", "Outage notice sent",
                    "announcements.outageNotice: " + days(policy.announcements().outageNotice()) + " before",
                    Optional.of(plan.start().minus(policy.announcements().outageNotice())), 1, facts, e -> true,
                    "the planned-outage notice"));
        }
        if (!exempt) {
            if (a.breaks() || a.verdict() instanceof PolicyVerdict.Applies) {
                gates.add(evidenceGate("api-break-notice", "Separate API-break notice sent",
                        "announcements.apiBreakNotice: " + days(policy.announcements().apiBreakNotice()) + " before",
                        Optional.of(plan.start().minus(policy.announcements().apiBreakNotice())), 1, facts, e -> true,
                        "the notice that an API-breaking update is planned for " + day(plan.start())));
            }
            gates.add(evidenceGate("outage-notice", "Outage notice sent",
                    "announcements.outageNotice: " + days(policy.announcements().outageNotice()) + " before",
                    Optional.of(plan.start().minus(policy.announcements().outageNotice())), 1, facts, e -> true,
                    "the planned-outage notice"));
            if (!policy.announcements().reminders().isEmpty()) {
                // each reminder goes out at its lead time; the gate asks that all are out before the start
                // (one sent a few seconds after "1 day before" still reminds people)
                gates.add(evidenceGate("reminders", "Reminders sent", "announcements.reminders: "
                                + String.join(", ", policy.announcements().reminders().stream().map(GateEvaluator::days).toList()),
                        Optional.of(plan.start()), policy.announcements().reminders().size(), facts,
                        e -> true, "one per reminder"));
            }
            if (policy.meeting().minimum() > 0) {
                gates.add(evidenceGate("meeting", "Discussed at the weekly meeting",
                        "meeting.minimum: " + policy.meeting().minimum(), Optional.of(plan.start()),
                        policy.meeting().minimum(), facts, e -> !e.at().isAfter(plan.start()), "the meeting minutes"));
            }
            if (policy.staging().runsCandidate()) {
                gates.add(stagingCandidate(plan, facts));
            }
            if (policy.staging().greenDays() > 0) {
                gates.add(stagingGreen(plan, facts));
            }
            if (policy.staging().replay()) {
                gates.add(ReplayGate.gate(plan, facts));
            }
            if (policy.consumers().allAcknowledged()) {
                gates.add(perConsumer("consumers-acknowledged", "Every affected consumer acknowledged",
                        "consumers.allAcknowledged", plan, facts.migrations(), MigrationState.ACKNOWLEDGED, facts));
            }
            if (policy.consumers().essentialVerified()) {
                List<Migration> essential = facts.migrations().stream().filter(m -> m.service()
                        .map(facts.essentialServices()::contains).orElse(false)).toList();
                gates.add(perConsumer("consumers-migrated", "Consumers in essential services verified migrated",
                        "consumers.essentialVerified", plan, essential, MigrationState.VERIFIED_STAGING, facts));
            }
            if (policy.roster().firefighters() > 0 || policy.roster().outsideTeamContacts()) {
                gates.add(roster(a, facts));
            }
        }
        if (policy.freeze().blocksFrozenServices()) {
            gates.add(freeze(a, facts));
        }
        return gates;
    }

    private Gate evidenceGate(String id, String title, String rule, Optional<Instant> deadline, int needed, Facts facts,
                              Predicate<Evidence> counts, String wanted) {
        List<Evidence> ev = facts.evidence().stream().filter(e -> e.gate().equals(id)).toList();
        List<Evidence> good = ev.stream().filter(counts).toList();
        Optional<Waiver> waiver = waiver(id, facts);
        if (waiver.isPresent()) {
            return new Gate(id, title, rule, GateState.WAIVED, deadline, ev, waiver, "waived by "
                    + waiver.get().approver() + ": " + waiver.get().reason());
        }
        if (good.size() >= needed) {
            Instant done = good.get(needed - 1).at();
            if (deadline.isPresent() && done.isAfter(deadline.get())) {
                return new Gate(id, title, rule, GateState.FAILED, deadline, ev, waiver, "recorded " + day(done)
                        + ", after its deadline " + day(deadline.get()) + ": too late to give people the time the policy asks");
            }
            return new Gate(id, title, rule, GateState.MET, deadline, ev, waiver, "recorded: " + good.get(0).evidence()
                    + (good.size() > 1 ? " (and " + (good.size() - 1) + " more)" : ""));
        }
        String missing = needed == 1 ? "waiting for " + wanted
                : good.size() + " of " + needed + " recorded; waiting for " + wanted;
        if (deadline.isPresent() && facts.now().isAfter(deadline.get())) {
            return new Gate(id, title, rule, GateState.FAILED, deadline, ev, waiver,
                    "deadline " + day(deadline.get()) + " passed; " + missing);
        }
        return new Gate(id, title, rule, GateState.PENDING, deadline, ev, waiver, missing
                + deadline.map(d -> " (due " + day(d) + ")").orElse(""));
    }

    private Gate stagingCandidate(Plan plan, Facts facts) {
        String id = "staging-candidate";
        List<String> missing = new ArrayList<>();
        for (PlannedRelease r : plan.releases()) {
            if (!facts.stagingRuns().contains(r.service() + " " + r.version())) {
                missing.add(r.service() + " " + r.version());
            }
        }
        List<Evidence> ev = facts.evidence().stream().filter(e -> e.gate().equals(id)).toList();
        Optional<Waiver> waiver = waiver(id, facts);
        String rule = "staging.runsCandidate";
        String title = "Staging runs the candidate";
        if (waiver.isPresent()) {
            return new Gate(id, title, rule, GateState.WAIVED, Optional.of(plan.start()), ev, waiver,
                    "waived by " + waiver.get().approver() + ": " + waiver.get().reason());
        }
        if (missing.isEmpty() || !ev.isEmpty()) {
            return new Gate(id, title, rule, GateState.MET, Optional.of(plan.start()), ev, waiver, missing.isEmpty()
                    ? "staging runs " + plan.releaseLabel() + " (deployment records)" : "recorded: " + ev.get(0).evidence());
        }
        GateState state = facts.now().isAfter(plan.start()) ? GateState.FAILED : GateState.PENDING;
        return new Gate(id, title, rule, state, Optional.of(plan.start()), ev, waiver,
                "staging does not run " + String.join(", ", missing) + " (breakwater where; record-deployment --env staging)");
    }

    private Gate stagingGreen(Plan plan, Facts facts) {
        String id = "staging-green";
        int days = policy.staging().greenDays();
        Instant until = facts.now().isBefore(plan.start()) ? facts.now() : plan.start();
        LocalDate last = until.atOffset(ZoneOffset.UTC).toLocalDate();
        Set<LocalDate> green = new TreeSet<>();
        facts.evidence().stream().filter(e -> e.gate().equals(id)).forEach(e -> {
            LocalDate d = e.at().atOffset(ZoneOffset.UTC).toLocalDate();
            if (!d.isAfter(last) && d.isAfter(last.minusDays(days))) {
                green.add(d);
            }
        });
        List<Evidence> ev = facts.evidence().stream().filter(e -> e.gate().equals(id)).toList();
        Optional<Waiver> waiver = waiver(id, facts);
        String title = "End-to-end suite green in staging, last " + days + " days";
        String rule = "staging.greenDays: " + days;
        if (waiver.isPresent()) {
            return new Gate(id, title, rule, GateState.WAIVED, Optional.of(plan.start()), ev, waiver,
                    "waived by " + waiver.get().approver() + ": " + waiver.get().reason());
        }
        if (green.size() >= days) {
            return new Gate(id, title, rule, GateState.MET, Optional.of(plan.start()), ev, waiver,
                    "green on " + green.size() + " of the last " + days + " days");
        }
        GateState state = facts.now().isAfter(plan.start()) ? GateState.FAILED : GateState.PENDING;
        return new Gate(id, title, rule, state, Optional.of(plan.start()), ev, waiver, "green on " + green.size()
                + " of the last " + days + " days; the suites covering its services count on the candidate version"
                + " (breakwater staging runs), or record each day's run (gate record PLAN staging-green --evidence URL)");
    }

    /**
     * A gate met when every one of {@code consumers} has reached {@code needed}: by evidence recorded
     * for it or by what the access logs show (see {@link MigrationSource}). An unknown caller never
     * reaches a state: it must first be named in the catalog (an identify rule), or the gate waived.
     */
    private Gate perConsumer(String id, String title, String rule, Plan plan, List<Migration> consumers,
                             MigrationState needed, Facts facts) {
        List<Evidence> ev = facts.evidence().stream().filter(e -> e.gate().equals(id)).toList();
        Optional<Waiver> waiver = waiver(id, facts);
        if (waiver.isPresent()) {
            return new Gate(id, title, rule, GateState.WAIVED, Optional.of(plan.start()), ev, waiver,
                    "waived by " + waiver.get().approver() + ": " + waiver.get().reason());
        }
        List<String> missing = consumers.stream().filter(m -> !m.known() || !m.state().reached(needed))
                .map(m -> m.known() ? m.consumer() : m.consumer() + " (not in the catalog)").distinct().sorted().toList();
        if (missing.isEmpty()) {
            return new Gate(id, title, rule, GateState.MET, Optional.of(plan.start()), ev, waiver, consumers.isEmpty()
                    ? "no affected consumer needs it" : "all " + consumers.size() + " " + needed.label());
        }
        GateState state = facts.now().isAfter(plan.start()) ? GateState.FAILED : GateState.PENDING;
        return new Gate(id, title, rule, state, Optional.of(plan.start()), ev, waiver, missing.size() + " of "
                + consumers.size() + " not " + needed.label() + ": "
                + String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())))
                + (missing.size() > NAMED ? " … and " + (missing.size() - NAMED) + " more (plan assess lists them all)" : "")
                + "; record each (gate record PLAN " + id + " --consumer CONSUMER --evidence URL)"
                + (missing.stream().anyMatch(n -> n.endsWith("(not in the catalog)"))
                ? ", and name unknown callers in the catalog (identify rules)" : ""));
    }

    private Gate roster(Assessment a, Facts facts) {
        String id = "roster";
        Plan plan = a.plan();
        List<Evidence> ev = facts.evidence().stream().filter(e -> e.gate().equals(id)).toList();
        Optional<Waiver> waiver = waiver(id, facts);
        String title = "Firefighting roster for the day";
        String rule = "roster.firefighters: " + policy.roster().firefighters()
                + (policy.roster().outsideTeamContacts() ? ", outsideTeamContacts" : "");
        if (waiver.isPresent()) {
            return new Gate(id, title, rule, GateState.WAIVED, Optional.of(plan.start()), ev, waiver,
                    "waived by " + waiver.get().approver() + ": " + waiver.get().reason());
        }
        long firefighters = ev.stream().filter(e -> e.note().orElse("").equals("firefighter")).map(Evidence::evidence)
                .distinct().count();
        List<String> missing = new ArrayList<>();
        if (firefighters < policy.roster().firefighters()) {
            missing.add((policy.roster().firefighters() - firefighters) + " more firefighter(s) from infrastructure");
        }
        if (policy.roster().outsideTeamContacts()) {
            for (String team : a.outsideTeams()) {
                if (ev.stream().noneMatch(e -> e.note().orElse("").equals("contact:" + team))) {
                    missing.add("a contact from " + team);
                }
            }
        }
        if (missing.isEmpty()) {
            return new Gate(id, title, rule, GateState.MET, Optional.of(plan.start()), ev, waiver, firefighters
                    + " firefighter(s)" + (a.outsideTeams().isEmpty() ? "" : ", contacts from " + String.join(", ", a.outsideTeams())));
        }
        GateState state = facts.now().isAfter(plan.start()) ? GateState.FAILED : GateState.PENDING;
        return new Gate(id, title, rule, state, Optional.of(plan.start()), ev, waiver, "needs " + String.join("; ", missing));
    }

    private Gate freeze(Assessment a, Facts facts) {
        String id = "freeze";
        Plan plan = a.plan();
        List<Evidence> ev = facts.evidence().stream().filter(e -> e.gate().equals(id)).toList();
        Optional<Waiver> waiver = waiver(id, facts);
        String title = "Outside release freezes";
        int needed = policy.freeze().freezeBreakApprovals();
        String rule = "freeze.blocksFrozenServices, freezeBreakApprovals: " + needed;
        List<String> frozen = a.releases().stream().filter(r -> r.service().freezeSensitive())
                .map(r -> r.service().name()).toList();
        List<FreezeWindow> hits = facts.freezes().stream().filter(f -> f.overlaps(plan.start(), plan.end())).toList();
        if (waiver.isPresent()) {
            return new Gate(id, title, rule, GateState.WAIVED, Optional.of(plan.start()), ev, waiver,
                    "waived by " + waiver.get().approver() + ": " + waiver.get().reason());
        }
        if (hits.isEmpty() || frozen.isEmpty()) {
            return new Gate(id, title, rule, GateState.MET, Optional.of(plan.start()), ev, waiver, hits.isEmpty()
                    ? "no freeze overlaps " + day(plan.start()) : "inside " + hits.get(0).name()
                    + ", but no service of the plan is frozen by freezes");
        }
        long approvals = ev.stream().map(Evidence::by).distinct().count();
        String inside = "inside " + hits.get(0).name() + " (" + day(hits.get(0).start()) + " → " + day(hits.get(0).end())
                + ") and " + String.join(", ", frozen) + " is frozen";
        if (approvals >= needed) {
            return new Gate(id, title, rule, GateState.MET, Optional.of(plan.start()), ev, waiver,
                    inside + "; freeze break approved by " + String.join(", ", ev.stream().map(Evidence::by).distinct().toList()));
        }
        return new Gate(id, title, rule, GateState.FAILED, Optional.of(plan.start()), ev, waiver, inside
                + ": move the plan (plan propose) or record a freeze-break request with " + needed + " approvals ("
                + approvals + " so far)");
    }

    private static Optional<Waiver> waiver(String gate, Facts facts) {
        return facts.waivers().stream().filter(w -> w.gate().equals(gate)).reduce((x, y) -> y);
    }

    static String day(Instant t) {
        return t.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    static String days(Duration d) {
        return d.toDays() > 0 && d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toHours() + "h";
    }
}
