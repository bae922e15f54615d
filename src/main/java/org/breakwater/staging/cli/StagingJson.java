package org.breakwater.staging.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.Placement;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.staging.Coverage;
import org.breakwater.staging.Parity;

/** The JSON shapes of parity and coverage, shared by the CLI and the REST API (docs/staging.md). */
public final class StagingJson {
    private StagingJson() {
    }

    public static void parities(JsonGenerator g, List<Parity> parities) throws IOException {
        g.writeStartArray();
        for (Parity p : parities) {
            parity(g, p);
        }
        g.writeEndArray();
    }

    public static void parity(JsonGenerator g, Parity p) throws IOException {
        g.writeStartObject();
        g.writeStringField("service", p.service());
        g.writeStringField("staging", p.environments().staging());
        g.writeStringField("production", p.environments().production());
        g.writeNumberField("days", p.days());
        g.writeNumberField("score", p.score());
        g.writeNumberField("checks", p.checks());
        g.writeNumberField("passed", p.passed());
        g.writeStringField("versions", p.versions().id());
        placement(g, "stagingRuns", p.staging());
        placement(g, "productionRuns", p.production());
        g.writeArrayFieldStart("consumers");
        for (Parity.ConsumerParity c : p.consumers()) {
            g.writeStartObject();
            g.writeStringField("consumer", c.consumer());
            g.writeNumberField("productionCalls", c.productionCalls());
            g.writeStringField("lastInProduction", c.lastInProduction().toString());
            g.writeNumberField("stagingCalls", c.stagingCalls());
            g.writeNumberField("stagingCallsFromProductionHosts", c.stagingFromProductionHosts());
            JsonOutput.optional(g, "lastInStaging", c.lastInStaging().map(Object::toString));
            g.writeBooleanField("inStaging", c.inStaging());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("productionHostsCallingStaging");
        org.breakwater.traffic.cli.TrafficJson.crossings(g, p.productionHostsCallingStaging());
        g.writeNumberField("unknownProductionCallers", p.unknownProductionCallers());
        g.writeBooleanField("productionTrafficRead", p.productionTrafficRead());
        strings(g, "gaps", p.gaps());
        g.writeEndObject();
    }

    private static void placement(JsonGenerator g, String field, Optional<Placement> p) throws IOException {
        if (p.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("version", p.get().version());
        JsonOutput.optional(g, "apiHash", p.get().apiHash());
        g.writeStringField("since", p.get().since().toString());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static void coverage(JsonGenerator g, Coverage c) throws IOException {
        g.writeStartObject();
        g.writeStringField("service", c.service());
        g.writeStringField("environment", c.environment());
        JsonOutput.optional(g, "version", c.version());
        g.writeStringField("identify", c.callers().rule());
        g.writeArrayFieldStart("windows");
        for (Coverage.Window w : c.windows()) {
            g.writeStartObject();
            g.writeStringField("since", w.since().toString());
            g.writeStringField("until", w.until().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("operationCount", c.operations().size());
        g.writeNumberField("exercised", c.exercised());
        g.writeNumberField("percent", c.percent());
        operations(g, "operations", c.operations());
        operations(g, "elsewhere", c.elsewhere());
        g.writeEndObject();
    }

    private static void operations(JsonGenerator g, String field, List<Coverage.Operation> operations) throws IOException {
        g.writeArrayFieldStart(field);
        for (Coverage.Operation o : operations) {
            g.writeStartObject();
            g.writeStringField("operation", o.operation());
            g.writeBooleanField("exercised", o.exercised());
            g.writeNumberField("calls", o.calls());
            strings(g, "callers", o.callers());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void untested(JsonGenerator g, List<Coverage.Untested> untested) throws IOException {
        g.writeStartArray();
        for (Coverage.Untested u : untested) {
            g.writeStartObject();
            g.writeStringField("service", u.service());
            g.writeStringField("version", u.version());
            g.writeStringField("operation", u.operation());
            strings(g, "changes", u.changes());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
