package org.breakwater.deployday.incident.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentEvent;

/** Incidents as JSON, the same for {@code --json} and the REST API. */
public final class IncidentJson {
    private IncidentJson() {
    }

    public static void list(JsonGenerator g, List<Incident> incidents) throws IOException {
        g.writeStartObject();
        JsonOutput.array(g, "incidents", incidents, IncidentJson::incident);
        g.writeEndObject();
    }

    /** One incident with its history. */
    public static void show(JsonGenerator g, Incident i, List<IncidentEvent> events) throws IOException {
        g.writeStartObject();
        fields(g, i);
        g.writeArrayFieldStart("events");
        for (IncidentEvent e : events) {
            g.writeStartObject();
            g.writeStringField("at", e.at().toString());
            g.writeStringField("by", e.by());
            g.writeStringField("action", e.action());
            JsonOutput.optional(g, "detail", e.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static void incident(JsonGenerator g, Incident i) throws IOException {
        g.writeStartObject();
        fields(g, i);
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, Incident i) throws IOException {
        g.writeNumberField("id", i.id());
        g.writeStringField("title", i.title());
        g.writeStringField("severity", i.severity().id());
        g.writeStringField("status", i.status().id());
        g.writeStringField("service", i.service());
        JsonOutput.optional(g, "consumer", i.consumer());
        JsonOutput.optional(g, "operation", i.operation());
        JsonOutput.number(g, "plan", i.planId());
        JsonOutput.strings(g, "links", i.links());
        JsonOutput.optional(g, "detail", i.detail());
        g.writeStringField("openedBy", i.openedBy());
        JsonOutput.optional(g, "key", i.key());
        g.writeStringField("detectedAt", i.detectedAt().toString());
        g.writeStringField("recordedAt", i.recordedAt().toString());
        JsonOutput.optional(g, "firstFailingAt", i.firstFailingAt().map(Instant::toString));
        JsonOutput.number(g, "timeToDetectSeconds", i.timeToDetect().map(java.time.Duration::toSeconds));
        JsonOutput.optional(g, "assignee", i.assignee());
        JsonOutput.optional(g, "acknowledgedAt", i.acknowledgedAt().map(Instant::toString));
        JsonOutput.optional(g, "acknowledgedBy", i.acknowledgedBy());
        JsonOutput.optional(g, "resolvedAt", i.resolvedAt().map(Instant::toString));
        JsonOutput.optional(g, "resolvedBy", i.resolvedBy());
        JsonOutput.number(g, "mergedInto", i.mergedInto());
    }
}
