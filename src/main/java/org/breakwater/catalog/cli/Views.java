package org.breakwater.catalog.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Placement;
import org.breakwater.cli.common.JsonOutput;

/** The JSON shapes of the catalog commands (docs/catalog.md describes them). */
public final class Views {
    private Views() {
    }

    public static void deployment(JsonGenerator g, Deployment d) throws IOException {
        g.writeStartObject();
        deploymentFields(g, d);
        g.writeEndObject();
    }

    /** A deployment's fields, inside an object the caller opened (and may add to). */
    public static void deploymentFields(JsonGenerator g, Deployment d) throws IOException {
        g.writeNumberField("id", d.id());
        g.writeStringField("service", d.service());
        g.writeStringField("version", d.version());
        g.writeStringField("environment", d.environment());
        g.writeStringField("at", d.at().toString());
        g.writeStringField("by", d.by());
        JsonOutput.optional(g, "notes", d.notes());
        JsonOutput.optional(g, "apiHash", d.apiHash());
    }

    public static void placement(JsonGenerator g, Placement p, java.time.Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("service", p.service());
        g.writeStringField("environment", p.environment());
        g.writeStringField("version", p.version());
        JsonOutput.optional(g, "apiHash", p.apiHash());
        g.writeStringField("since", p.since().toString());
        g.writeNumberField("ageSeconds", java.time.Duration.between(p.since(), now).getSeconds());
        g.writeStringField("by", p.by());
        g.writeEndObject();
    }

    public static void affected(JsonGenerator g, AffectedConsumer a) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", a.consumer().name());
        g.writeStringField("kind", a.consumer().kind().id());
        JsonOutput.optional(g, "service", a.consumer().service());
        g.writeStringField("owner", a.consumer().owner());
        JsonOutput.optional(g, "contact", a.consumer().contact());
        g.writeNumberField("depth", a.depth());
        g.writeArrayFieldStart("via");
        for (String s : a.via()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeBooleanField("wholeApi", a.uses().isEmpty());
        g.writeArrayFieldStart("operations");
        for (OperationRef op : a.uses()) {
            g.writeString(op.text());
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
