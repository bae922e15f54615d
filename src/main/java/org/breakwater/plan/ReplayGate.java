package org.breakwater.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code staging-replay} gate (policy {@code staging.replay: true}): met when the newest
 * replay of the plan's sampled production calls ran against the candidate versions, sent calls,
 * and left no unexplained difference (each is noise or acknowledged); or by evidence recorded,
 * or waived, like any gate.
 */
final class ReplayGate {
    static final String ID = "staging-replay";
    static final String TITLE = "Production's calls replayed against the candidate show no unexplained difference";
    static final String RULE = "staging.replay";

    private ReplayGate() {
    }

    static Gate gate(Plan plan, GateEvaluator.Facts facts) {
        List<Evidence> ev = facts.evidence().stream().filter(e -> e.gate().equals(ID)).toList();
        Optional<Waiver> waiver = facts.waivers().stream().filter(w -> w.gate().equals(ID)).reduce((a, b) -> b);
        if (waiver.isPresent()) {
            return gate(plan, GateState.WAIVED, ev, waiver, "waived by " + waiver.get().approver() + ": "
                    + waiver.get().reason());
        }
        if (!ev.isEmpty()) {
            return gate(plan, GateState.MET, ev, waiver, "recorded: " + ev.get(0).evidence());
        }
        Optional<String> missing = missing(plan, facts.replay());
        if (missing.isEmpty()) {
            ReplayCheck r = facts.replay().orElseThrow();
            return gate(plan, GateState.MET, ev, waiver, r.calls() + " sampled calls replayed against "
                    + String.join(", ", r.versions()) + ": no unexplained difference");
        }
        GateState state = facts.now().isAfter(plan.start()) ? GateState.FAILED : GateState.PENDING;
        return gate(plan, state, ev, waiver, missing.get());
    }

    private static Optional<String> missing(Plan plan, Optional<ReplayCheck> replay) {
        String run = "breakwater staging replay " + plan.id();
        if (replay.isEmpty()) {
            return Optional.of("no replay yet (" + run + ")");
        }
        ReplayCheck r = replay.get();
        List<String> notRun = new ArrayList<>();
        for (PlannedRelease p : plan.releases()) {
            if (!r.versions().contains(p.service() + " " + p.version())) {
                notRun.add(p.service() + " " + p.version());
            }
        }
        if (!notRun.isEmpty()) {
            return Optional.of("the last replay did not run against " + String.join(", ", notRun)
                    + " (deploy it to staging, then " + run + ")");
        }
        if (r.calls() == 0) {
            return Optional.of("the last replay sent no call: no sampled production traffic of the plan's services"
                    + " (breakwater traffic ingest --env production)");
        }
        if (!r.unexplained().isEmpty()) {
            return Optional.of(r.unexplained().size() + " difference(s) not explained: "
                    + String.join("; ", r.unexplained().subList(0, Math.min(5, r.unexplained().size())))
                    + (r.unexplained().size() > 5 ? " … and " + (r.unexplained().size() - 5) + " more" : "")
                    + " (breakwater staging replay " + plan.id() + " --acknowledge KEY --note WHY)");
        }
        return Optional.empty();
    }

    private static Gate gate(Plan plan, GateState state, List<Evidence> ev, Optional<Waiver> waiver, String detail) {
        return new Gate(ID, TITLE, RULE, state, Optional.of(plan.start()), ev, waiver, detail);
    }
}
