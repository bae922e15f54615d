package org.breakwater.staging.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** A replay run as JSON, the same for {@code staging replay --json} and the REST API. */
public final class ReplayJson {
    private ReplayJson() {
    }

    public static void run(JsonGenerator g, ReplayRun r, List<ReplayRun.Acknowledgement> acks) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", r.id());
        g.writeNumberField("plan", r.plan());
        g.writeStringField("started", r.started().toString());
        g.writeStringField("finished", r.finished().toString());
        g.writeStringField("candidate", r.candidate());
        strings(g, "baselines", r.baselines());
        strings(g, "versions", r.versions());
        g.writeNumberField("calls", r.calls());
        g.writeNumberField("differing", r.differing());
        g.writeNumberField("unanswered", r.unanswered());
        g.writeBooleanField("capped", r.capped());
        strings(g, "skipped", r.skipped());
        g.writeArrayFieldStart("differences");
        for (DifferenceGroup d : r.groups()) {
            g.writeStartObject();
            g.writeStringField("key", d.key());
            g.writeStringField("service", d.service());
            g.writeStringField("operation", d.operation());
            g.writeStringField("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeStringField("path", d.path());
            g.writeStringField("was", d.was());
            g.writeStringField("is", d.is());
            g.writeNumberField("calls", d.calls());
            g.writeStringField("example", d.example());
            g.writeBooleanField("noise", d.noise());
            java.util.Optional<ReplayRun.Acknowledgement> ack = acks.stream().filter(a -> a.key().equals(d.key())).findFirst();
            if (ack.isPresent()) {
                g.writeObjectFieldStart("acknowledged");
                g.writeStringField("by", ack.get().by());
                g.writeStringField("at", ack.get().at().toString());
                g.writeStringField("note", ack.get().note());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("callers");
            for (DifferenceGroup.CallerCalls c : d.callers()) {
                g.writeStartObject();
                g.writeStringField("caller", c.caller());
                g.writeBooleanField("known", c.known());
                g.writeNumberField("calls", c.calls());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> items) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : items) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
