package org.breakwater.plan.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.plan.Assessment;
import org.breakwater.plan.BreakImpact;
import org.breakwater.plan.CanDeploy;
import org.breakwater.plan.DiffOutcome;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Gate;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.ReleaseAssessment;

/** The JSON shapes of plans, assessments, gates and can-deploy answers (docs/plans.md). */
public final class PlanJson {
    private PlanJson() {
    }

    public static void plan(JsonGenerator g, Plan p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", p.id());
        g.writeStringField("title", p.title());
        g.writeStringField("status", p.status().id());
        g.writeStringField("environment", p.environment());
        g.writeStringField("start", p.start().toString());
        g.writeNumberField("durationMinutes", p.duration().toMinutes());
        g.writeStringField("owner", p.owner());
        JsonOutput.optional(g, "ticket", p.ticket());
        g.writeArrayFieldStart("releases");
        for (PlannedRelease r : p.releases()) {
            g.writeStartObject();
            g.writeStringField("service", r.service());
            g.writeStringField("version", r.version());
            JsonOutput.optional(g, "apiHash", r.apiHash());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static void report(JsonGenerator g, PlanReport r, boolean withAssessment) throws IOException {
        g.writeStartObject();
        g.writeFieldName("plan");
        plan(g, r.plan());
        Assessment a = r.assessment();
        g.writeObjectFieldStart("policy");
        g.writeStringField("verdict", a.verdict().label());
        g.writeStringField("reason", a.verdict().reason());
        g.writeStringField("policyHash", a.policyHash());
        g.writeEndObject();
        g.writeBooleanField("compared", a.unchecked().isEmpty());
        breaks(g, a.breaks(), a.unchecked().isEmpty());
        if (withAssessment) {
            g.writeArrayFieldStart("releases");
            for (ReleaseAssessment ra : a.releases()) {
                release(g, ra);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("consumersByTeam");
            for (var e : a.consumersByTeam().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeBooleanField("outside", a.outsideTeams().contains(e.getKey()));
                g.writeArrayFieldStart("consumers");
                for (AffectedConsumer c : e.getValue()) {
                    g.writeString(c.consumer().name());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeFieldName("migrations");
        MigrationOutput.json(g, r.migrations());
        gates(g, r.gates());
        g.writeEndObject();
    }

    private static void release(JsonGenerator g, ReleaseAssessment ra) throws IOException {
        g.writeStartObject();
        g.writeStringField("service", ra.release().service());
        g.writeStringField("version", ra.release().version());
        g.writeStringField("tier", ra.service().tier().id());
        JsonOutput.optional(g, "current", ra.current().map(p -> p.version()));
        DiffOutcome d = ra.diff();
        g.writeStringField("comparison", d instanceof DiffOutcome.Compared ? "compared"
                : d instanceof DiffOutcome.FirstDeployment ? "first-deployment" : "no-description");
        if (d instanceof DiffOutcome.NoDescription n) {
            g.writeStringField("why", n.why());
        }
        g.writeBooleanField("compared", !ra.breaksUnknown());
        breaks(g, ra.breaks(), !ra.breaksUnknown());
        g.writeArrayFieldStart("breaking");
        for (BreakImpact i : ra.impacts()) {
            Finding f = i.finding();
            g.writeStartObject();
            g.writeStringField("id", f.id());
            g.writeStringField("operation", f.operation());
            g.writeStringField("message", f.message());
            g.writeArrayFieldStart("consumers");
            for (AffectedConsumer c : i.consumers()) {
                g.writeStartObject();
                g.writeStringField("name", c.consumer().name());
                g.writeStringField("owner", c.consumer().owner());
                g.writeNumberField("depth", c.depth());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("semver");
        g.writeStringField("outcome", ra.semver().outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        g.writeStringField("explanation", ra.semver().explanation());
        g.writeEndObject();
        g.writeStringField("verdict", ra.verdict().label());
        g.writeStringField("reason", ra.verdict().reason());
        g.writeEndObject();
    }

    /** {@code "breaks": true | false}, or {@code null} when nothing was compared that could break. */
    private static void breaks(JsonGenerator g, boolean breaks, boolean known) throws IOException {
        if (breaks || known) {
            g.writeBooleanField("breaks", breaks);
        } else {
            g.writeNullField("breaks");
        }
    }

    static void gates(JsonGenerator g, List<Gate> gates) throws IOException {
        g.writeArrayFieldStart("gates");
        for (Gate gate : gates) {
            g.writeStartObject();
            g.writeStringField("id", gate.id());
            g.writeStringField("title", gate.title());
            g.writeStringField("state", gate.state().id());
            JsonOutput.optional(g, "deadline", gate.deadline().map(Object::toString));
            g.writeStringField("detail", gate.detail());
            g.writeStringField("rule", gate.rule());
            g.writeArrayFieldStart("evidence");
            for (Evidence e : gate.evidence()) {
                g.writeStartObject();
                g.writeStringField("evidence", e.evidence());
                g.writeStringField("by", e.by());
                g.writeStringField("at", e.at().toString());
                JsonOutput.optional(g, "note", e.note());
                JsonOutput.optional(g, "decision", e.decision());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (gate.waiver().isPresent()) {
                g.writeObjectFieldStart("waiver");
                g.writeStringField("reason", gate.waiver().get().reason());
                g.writeStringField("approver", gate.waiver().get().approver());
                g.writeStringField("at", gate.waiver().get().at().toString());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void canDeploy(JsonGenerator g, CanDeploy answer) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("deployable", answer instanceof CanDeploy.Yes);
        g.writeArrayFieldStart("reasons");
        for (String r : answer.reasons()) {
            g.writeString(r);
        }
        g.writeEndArray();
        if (answer.plan().isPresent()) {
            g.writeFieldName("plan");
            plan(g, answer.plan().get());
        } else {
            g.writeNullField("plan");
        }
        gates(g, answer.gates());
        g.writeEndObject();
    }
}
