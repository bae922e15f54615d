package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Assessment;
import org.breakwater.plan.BreakImpact;
import org.breakwater.plan.CanDeploy;
import org.breakwater.plan.DiffOutcome;
import org.breakwater.plan.Gate;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.ReleaseAssessment;
import org.breakwater.plan.SemverCheck;

/** Plans, assessments, gates and can-deploy answers for people reading a terminal. */
final class PlanText {
    private PlanText() {
    }

    static void header(PrintWriter out, Plan p) {
        out.println("Plan " + p.id() + ": " + p.title() + " [" + p.status().id() + "]");
        out.println("  ships     " + p.releaseLabel() + " → " + p.environment());
        out.println("  window    " + Times.show(p.start()) + " for " + Times.show(p.duration()));
        out.println("  owner     " + p.owner() + p.ticket().map(t -> "   ticket " + t).orElse(""));
    }

    static String mark(Gate g) {
        return switch (g.state()) {
            case MET -> "[x]";
            case WAIVED -> "[~]";
            case FAILED -> "[!]";
            case PENDING -> "[ ]";
        };
    }

    static void gates(PrintWriter out, PlanReport r) {
        out.println();
        out.println("Gates: " + r.met() + " of " + r.gates().size() + " met or waived");
        for (Gate g : r.gates()) {
            out.println("  " + mark(g) + " " + g.id() + " — " + g.title() + " (" + g.state().id()
                    + g.deadline().map(d -> ", due " + Times.show(d)).orElse("") + ")");
            out.println("        " + g.detail());
            out.println("        rule: " + g.rule());
        }
    }

    static void show(PrintWriter out, PlanReport r) {
        header(out, r.plan());
        Assessment a = r.assessment();
        out.println("  policy    " + a.verdict().label() + ": " + a.verdict().reason());
        out.println("  breaks    " + breaks(a) + a.consumersByTeam().values().stream().mapToInt(List::size).sum()
                + " consumer(s) affected" + (a.outsideTeams().isEmpty() ? ""
                : "; outside teams: " + String.join(", ", a.outsideTeams())));
        if (!r.migrations().isEmpty()) {
            out.println("  migration " + MigrationOutput.counts(r.migrations()) + " (plan assess lists each)");
        }
        gates(out, r);
    }

    /** The count of breaking changes, or "unknown" for the releases whose API was not compared. */
    static String breaks(Assessment a) {
        List<ReleaseAssessment> unchecked = a.unchecked();
        String count = a.releases().stream().mapToInt(x -> x.breaking().size()).sum() + " breaking change(s)";
        if (unchecked.isEmpty()) {
            return count + "; ";
        }
        String names = String.join(", ", unchecked.stream().map(x -> x.release().service() + " "
                + x.release().version()).toList());
        return (unchecked.size() == a.releases().size() ? "unknown" : count + " in the others; unknown for " + names)
                + ": the API of " + names + " was not compared (plan assess says why); ";
    }

    static void assessment(PrintWriter out, PlanReport r) {
        header(out, r.plan());
        Assessment a = r.assessment();
        for (ReleaseAssessment ra : a.releases()) {
            out.println();
            out.println("== " + ra.release().service() + " " + ra.release().version() + " (" + ra.service().tier().id()
                    + ", owned by " + ra.service().owner() + ")");
            String ran = ra.current().map(p -> p.version() + " since " + Times.show(p.since())).orElse(null);
            out.println("  " + r.plan().environment() + (ra.deployed()
                    ? " runs " + ra.release().version() + " now (this release); judged against what ran before it: "
                            + (ran == null ? "nothing (its first deployment)" : ran)
                    : " runs " + (ran == null ? "nothing yet" : ran)));
            DiffOutcome d = ra.diff();
            if (d instanceof DiffOutcome.Compared c) {
                var s = c.report().summary();
                out.println("  API: " + s.breaking() + " breaking, " + s.warning() + " warning, " + s.info() + " info");
            } else if (d instanceof DiffOutcome.NoDescription n) {
                out.println("  API: not compared — " + n.why());
            } else {
                out.println("  API: first deployment, nothing to compare with");
            }
            for (BreakImpact i : ra.impacts()) {
                Finding f = i.finding();
                out.println("  - " + (f.operation().isEmpty() ? "(whole API)" : f.operation()) + ": " + f.message()
                        + "  [" + f.id() + "]");
                out.println("      hits: " + (i.consumers().isEmpty() ? "no known consumer"
                        : String.join(", ", i.consumers().stream().map(PlanText::consumer).toList())));
            }
            out.println("  version: " + (ra.semver().outcome() == SemverCheck.Outcome.MISLABELLED ? "MISLABELLED — " : "")
                    + ra.semver().explanation());
            out.println("  policy: " + ra.verdict().label() + " — " + ra.verdict().reason());
        }
        out.println();
        Map<String, List<AffectedConsumer>> byTeam = a.consumersByTeam();
        out.println("Affected consumers by team" + (byTeam.isEmpty() ? ": none known" : ":"));
        byTeam.forEach((team, list) -> {
            out.println("  " + team + (a.outsideTeams().contains(team) ? "  (OUTSIDE infrastructure)" : ""));
            list.forEach(c -> out.println("    " + consumer(c) + " — " + c.consumer().kind().id()
                    + c.consumer().contact().map(x -> ", " + x).orElse("")));
        });
        out.println();
        MigrationOutput.text(out, r.migrations());
        out.println();
        out.println("Policy verdict: " + a.verdict().label() + " — " + a.verdict().reason());
        gates(out, r);
    }

    private static String consumer(AffectedConsumer c) {
        return c.consumer().name() + (c.depth() > 1 ? " (via " + String.join(" → ", c.via()) + ")" : "");
    }

    static void canDeploy(PrintWriter out, CanDeploy answer) {
        out.println(answer instanceof CanDeploy.Yes ? "yes" : "no");
        answer.reasons().forEach(r -> out.println("  - " + r));
    }
}
