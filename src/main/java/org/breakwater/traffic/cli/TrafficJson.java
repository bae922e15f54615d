package org.breakwater.traffic.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.breakwater.traffic.Crossings;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.Usage;

/** The JSON shapes of traffic counts, crossings and impact, shared by the CLI and the REST API (docs/traffic.md). */
public final class TrafficJson {
    private TrafficJson() {
    }

    public static void usages(JsonGenerator g, List<Usage> usages) throws IOException {
        g.writeStartArray();
        for (Usage u : usages) {
            g.writeStartObject();
            g.writeStringField("environment", u.environment());
            g.writeStringField("caller", u.caller());
            g.writeBooleanField("known", u.known());
            g.writeStringField("operation", u.operation());
            g.writeNumberField("calls", u.count());
            g.writeStringField("firstSeen", u.firstSeen().toString());
            g.writeStringField("lastSeen", u.lastSeen().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void crossings(JsonGenerator g, List<Crossings.Crossing> crossings) throws IOException {
        g.writeStartArray();
        for (Crossings.Crossing c : crossings) {
            g.writeStartObject();
            g.writeStringField("environment", c.environment());
            g.writeStringField("from", c.origin());
            g.writeStringField("address", c.address());
            g.writeStringField("caller", c.caller());
            g.writeBooleanField("known", c.known());
            g.writeNumberField("calls", c.count());
            g.writeStringField("firstSeen", c.firstSeen().toString());
            g.writeStringField("lastSeen", c.lastSeen().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void hits(JsonGenerator g, List<TrafficService.Hit> hits) throws IOException {
        g.writeStartArray();
        for (TrafficService.Hit h : hits) {
            g.writeStartObject();
            g.writeStringField("service", h.service());
            g.writeStringField("operation", h.operation());
            g.writeStringField("caller", h.caller());
            g.writeBooleanField("known", h.known());
            g.writeNumberField("calls", h.calls());
            g.writeStringField("lastSeen", h.lastSeen().toString());
            g.writeArrayFieldStart("changes");
            for (String c : h.changes()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
