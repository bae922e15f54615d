package org.breakwater.staging.replay.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.breakwater.plan.Plan;
import org.breakwater.staging.replay.DifferenceGroup;
import org.breakwater.staging.replay.ReplayRun;

/** A replay run as text: the counts, the differences per operation, then per consumer. */
final class ReplayText {
    private ReplayText() {
    }

    static void print(PrintWriter out, Plan plan, ReplayRun r, List<ReplayRun.Acknowledgement> acks) {
        out.println("Replay " + r.id() + " of plan " + plan.id() + " (" + plan.title() + "): " + r.calls()
                + " sampled production calls to " + r.candidate() + " (" + String.join(", ", r.versions()) + ") and "
                + String.join(", ", r.baselines()) + "; " + r.differing() + " answered differently, " + r.unanswered()
                + " unanswered" + (r.capped() ? "; stopped at the total cap" : ""));
        if (!r.skipped().isEmpty()) {
            out.println("Not sent (not GET or HEAD, no --allow): " + String.join(", ", r.skipped()));
        }
        List<DifferenceGroup> real = r.real();
        if (real.isEmpty()) {
            out.println("No difference" + (r.groups().isEmpty() ? "." : " but noise."));
        }
        String operation = "";
        for (DifferenceGroup g : real) {
            if (!(g.service() + " " + g.operation()).equals(operation)) {
                operation = g.service() + " " + g.operation();
                out.println();
                out.println(g.operation() + " (" + g.service() + ")");
            }
            Optional<ReplayRun.Acknowledgement> ack = acks.stream().filter(a -> a.key().equals(g.key())).findFirst();
            out.println("  [" + g.key() + "] " + g.describe() + " - " + g.calls() + " call(s), e.g. " + g.example()
                    + ack.map(a -> " (acknowledged by " + a.by() + ": " + a.note() + ")").orElse(""));
        }
        long noise = r.groups().size() - real.size();
        if (noise > 0) {
            out.println();
            out.println(noise + " difference(s) ignored as noise (the baselines disagree there, or --noise)");
        }
        Map<String, List<String>> byCaller = new TreeMap<>();
        for (DifferenceGroup g : real) {
            for (DifferenceGroup.CallerCalls c : g.callers()) {
                byCaller.computeIfAbsent(c.caller(), k -> new java.util.ArrayList<>()).add(c.calls() + " sampled call"
                        + (c.calls() == 1 ? "" : "s") + " to " + g.operation() + ": " + g.describe());
            }
        }
        if (!byCaller.isEmpty()) {
            out.println();
            out.println("Consumers whose real calls differ:");
            byCaller.forEach((caller, lines) -> lines.forEach(l -> out.println("  " + caller + ": " + l)));
        }
    }
}
