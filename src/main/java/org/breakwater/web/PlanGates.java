package org.breakwater.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.breakwater.auth.Session;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Assessor;
import org.breakwater.plan.CanDeploy;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;

/**
 * The top of the plan page, where the reader decides: can it go ahead now, the next thing to
 * do, and the gates, each open one with its own "record evidence · waive" control beneath it
 * (for those who may change the plan).
 */
final class PlanGates {
    private PlanGates() {
    }

    /**
     * The gate to see to first: the meeting's decision while it is open (it decides whether the
     * rest apply), then a failed one, then the pending one due soonest.
     */
    static Optional<Gate> next(List<Gate> gates) {
        return gates.stream().filter(g -> !g.state().passes())
                .min(Comparator.comparing((Gate g) -> !g.id().equals(Assessor.MEETING_DECISION))
                        .thenComparing(g -> g.state() != GateState.FAILED)
                        .thenComparing(g -> g.deadline().orElse(java.time.Instant.MAX)));
    }

    /** "Can it go ahead now?", the next thing to do, and every reason. */
    static void summary(Html h, PlanReport r, CanDeploy answer) {
        Plan p = r.plan();
        boolean yes = answer instanceof CanDeploy.Yes;
        h.tag("<div id=\"can-deploy\" class=\"notice\"><strong>Can it go ahead now? <span class=\""
                + (yes ? "met\">yes" : "failed\">no") + "</span></strong> (what <code>breakwater can-deploy --plan "
                + p.id() + "</code> and <code>GET /api/v1/can-deploy?plan=" + p.id() + "</code> answer)");
        h.tag("<p id=\"next\"><strong>Next thing to do:</strong> ");
        Optional<Gate> next = next(r.gates());
        if (yes) {
            h.text("nothing blocks it; deploy in its window, then mark it in-progress and done.");
        } else if (next.isPresent()) {
            Gate g = next.get();
            h.link("#gate-" + g.id(), g.title() + " (" + g.id() + ")").text(": " + g.detail());
        } else {
            h.text(answer.reasons().isEmpty() ? "—" : answer.reasons().get(0));
        }
        h.tag("</p><ul>");
        for (String reason : answer.reasons()) {
            h.el("li", reason);
        }
        h.tag("</ul></div>");
    }

    /** The gates, one row each; beneath each open gate the forms to record evidence for it or waive it. */
    static void table(Html h, PlanReport r, Optional<Session> session, boolean mayChange, FormInput in) {
        h.tag("<h2 id=\"gates\">Gates</h2><table class=\"gates\"><colgroup><col class=\"gate\"><col class=\"state\">"
                + "<col class=\"due\"><col class=\"why\"><col class=\"evidence\"></colgroup>"
                + "<tr><th>Gate</th><th>State</th><th>Due</th><th>Why</th><th>Evidence</th></tr>");
        for (Gate g : r.gates()) {
            h.tag("<tr id=\"gate-").text(g.id()).tag("\"><td>").text(g.title() + " (" + g.id() + ")")
                    .tag("<br><code class=\"rule\">").text(g.rule()).tag("</code></td><td class=\"" + g.state().id()
                            + "\">").text(g.state().id()).tag("</td><td>").text(g.deadline().map(Times::show).orElse("—"))
                    .tag("</td><td>").text(g.detail()).tag("</td><td>");
            for (Evidence e : g.evidence()) {
                evidence(h, e.evidence()).text(" (" + e.by() + ", " + Times.show(e.at()) + ")").tag("<br>");
            }
            g.waiver().ifPresent(w -> h.text("waived by " + w.approver() + ": " + w.reason()));
            h.tag("</td></tr>");
            if (session.isPresent() && mayChange && !g.state().passes()) {
                actions(h, r.plan(), g, session.get().csrf(), in);
            }
        }
        h.tag("</table>");
    }

    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile(
            "https?://[^\\s<>\"]+|/meetings/\\d+#line-\\d+");

    /** Evidence as written; a web address (http or https only) as a link to it, to check it in one click. */
    static Html evidence(Html h, String evidence) {
        if (WEB_ADDRESS.matcher(evidence).matches()) {
            return h.tag("<a rel=\"noreferrer\" href=\"").text(evidence).tag("\">").text(evidence).tag("</a>");
        }
        return h.text(evidence);
    }

    /** One open gate's controls, folded: record evidence for it, or waive it. */
    private static void actions(Html h, Plan p, Gate g, String csrf, FormInput in) {
        String evidence = "evidence-" + g.id();
        String waiver = "waiver-" + g.id();
        h.tag("<tr class=\"actions\"><td colspan=\"5\"><details" + (in.on(evidence) || in.on(waiver) ? " open" : "")
                + "><summary>Record evidence for ").text(g.id()).tag(" · waive it</summary>");
        h.tag("<form method=\"post\" action=\"/plans/" + p.id() + "/evidence\" id=\"").text(evidence).tag("\">")
                .csrf(csrf).tag("<input type=\"hidden\" name=\"gate\" value=\"").text(g.id()).tag("\">");
        in.above(h, evidence, List.of("evidence", "note", "at", "decision"));
        h.tag("<label>Evidence <input name=\"evidence\" size=\"44\" required placeholder=\"a link: the mail, the"
                + " minutes, the test run\" value=\"").text(in.value(evidence, "evidence", "")).tag("\"></label>");
        in.beside(h, evidence, "evidence");
        h.tag("<label>For <input name=\"note\" size=\"20\" placeholder=\"consumer or role, if the gate asks\" value=\"")
                .text(in.value(evidence, "note", "")).tag("\"></label>");
        in.beside(h, evidence, "note");
        h.tag("<label>When (UTC) <input name=\"at\" size=\"16\" placeholder=\"now\" value=\"")
                .text(in.value(evidence, "at", "")).tag("\"></label>");
        in.beside(h, evidence, "at");
        if (g.id().equals(Assessor.MEETING_DECISION)) {
            String chosen = in.value(evidence, "decision", "");
            h.tag("<label>Meeting decision <select name=\"decision\"><option value=\"\">—</option><option value=\"applies\""
                    + (chosen.equals("applies") ? " selected" : "") + ">the policy applies</option><option value=\"exempt\""
                    + (chosen.equals("exempt") ? " selected" : "") + ">exempt</option></select></label>");
        }
        h.tag(" <button type=\"submit\">Record</button></form>");
        h.tag("<form method=\"post\" action=\"/plans/" + p.id() + "/waiver\" id=\"").text(waiver).tag("\">").csrf(csrf)
                .tag("<input type=\"hidden\" name=\"gate\" value=\"").text(g.id()).tag("\">");
        in.above(h, waiver, List.of("reason"));
        h.tag("<label>Waive it, because <input name=\"reason\" size=\"44\" required value=\"")
                .text(in.value(waiver, "reason", "")).tag("\"></label>");
        in.beside(h, waiver, "reason");
        h.tag(" <button type=\"submit\">Waive</button> <small>(you are the approver; the waiver stays visible)</small>"
                + "</form></details></td></tr>");
    }
}
