package org.breakwater.deployday.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.deployday.board.Board;
import org.breakwater.deployday.board.DayIncident;
import org.breakwater.deployday.board.RollbackReadiness;
import org.breakwater.deployday.board.RolledBack;
import org.breakwater.deployday.board.Tick;
import org.breakwater.deployday.measures.DayMeasures;
import org.breakwater.deployday.measures.FourKeys;
import org.breakwater.deployday.measures.Measures;
import org.breakwater.deployday.measures.Spread;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.deployday.roster.RosterView;

/** The deployment day in JSON: the shapes the CLI's --json prints and the REST API answers (docs/api/openapi.json). */
public final class DayJson {
    private DayJson() {
    }

    private static void time(JsonGenerator g, String field, Optional<Instant> t) throws IOException {
        JsonOutput.optional(g, field, t.map(Instant::toString));
    }

    private static void seconds(JsonGenerator g, String field, Optional<Duration> d) throws IOException {
        JsonOutput.number(g, field, d.map(Duration::toSeconds));
    }

    public static void member(JsonGenerator g, RosterMember m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", m.id());
        g.writeStringField("username", m.username());
        g.writeStringField("role", m.role().id());
        JsonOutput.optional(g, "team", m.team());
        g.writeStringField("reason", m.reason());
        time(g, "invitedAt", m.invitedAt());
        time(g, "confirmedAt", m.confirmedAt());
        JsonOutput.optional(g, "confirmedVia", m.confirmedVia());
        g.writeEndObject();
    }

    public static void roster(JsonGenerator g, RosterView v) throws IOException {
        g.writeStartObject();
        g.writeNumberField("plan", v.plan().id());
        g.writeArrayFieldStart("people");
        for (RosterView.Line l : v.lines()) {
            g.writeStartObject();
            g.writeStringField("username", l.member().username());
            g.writeStringField("name", l.name());
            g.writeStringField("role", l.member().role().id());
            JsonOutput.optional(g, "team", l.member().team());
            g.writeStringField("reason", l.member().reason());
            g.writeStringField("localWindow", l.localWindow());
            JsonOutput.optional(g, "outsideDay", l.outsideDay());
            time(g, "invitedAt", l.member().invitedAt());
            time(g, "confirmedAt", l.member().confirmedAt());
            JsonOutput.optional(g, "confirmedVia", l.member().confirmedVia());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonOutput.strings(g, "gaps", v.gaps());
        g.writeEndObject();
    }

    public static void tick(JsonGenerator g, Tick t) throws IOException {
        g.writeStartObject();
        g.writeStringField("step", t.step().id());
        g.writeStringField("by", t.by());
        g.writeStringField("at", t.at().toString());
        JsonOutput.optional(g, "note", t.note());
        g.writeEndObject();
    }

    public static void board(JsonGenerator g, Board b) throws IOException {
        g.writeStartObject();
        g.writeNumberField("plan", b.plan().id());
        g.writeStringField("title", b.plan().title());
        g.writeStringField("status", b.plan().status().id());
        g.writeBooleanField("live", b.live());
        g.writeArrayFieldStart("checklist");
        for (Board.Item i : b.checklist()) {
            g.writeStartObject();
            g.writeStringField("step", i.step().id());
            g.writeStringField("title", i.step().title());
            JsonOutput.optional(g, "by", i.tick().map(Tick::by));
            time(g, "at", i.tick().map(Tick::at));
            JsonOutput.optional(g, "note", i.tick().flatMap(Tick::note));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("roster");
        roster(g, b.roster());
        JsonOutput.array(g, "incidents", b.incidents(), DayJson::incident);
        g.writeFieldName("rollback");
        rollback(g, b.rollback());
        rates(g, b.rates());
        g.writeEndObject();
    }

    private static void rates(JsonGenerator g, org.breakwater.deployday.board.ErrorRates rates) throws IOException {
        g.writeArrayFieldStart("errorRates");
        for (var s : rates.services()) {
            g.writeStartObject();
            g.writeStringField("service", s.service());
            g.writeStringField("version", s.version());
            time(g, "cutOver", s.cutOver());
            g.writeNumberField("more", s.more());
            g.writeArrayFieldStart("rows");
            for (var r : s.rows()) {
                g.writeStartObject();
                g.writeStringField("consumer", r.consumer());
                g.writeBooleanField("known", r.known());
                g.writeStringField("operation", r.operation());
                g.writeBooleanField("removed", r.removed());
                g.writeNumberField("callsBefore", r.callsBefore());
                g.writeNumberField("errorsBefore", r.errorsBefore());
                g.writeNumberField("callsAfter", r.callsAfter());
                g.writeNumberField("errorsAfter", r.errorsAfter());
                time(g, "lastCall", r.lastCall());
                g.writeBooleanField("failing", r.failing());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void incident(JsonGenerator g, DayIncident i) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", i.id());
        g.writeStringField("title", i.title());
        g.writeStringField("severity", i.severity());
        JsonOutput.optional(g, "consumer", i.consumer());
        JsonOutput.optional(g, "operation", i.operation());
        g.writeStringField("detectedAt", i.detectedAt().toString());
        time(g, "acknowledgedAt", i.acknowledgedAt());
        time(g, "resolvedAt", i.resolvedAt());
        g.writeEndObject();
    }

    public static void rollback(JsonGenerator g, RollbackReadiness r) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("possible", r.possible());
        g.writeArrayFieldStart("steps");
        for (RollbackReadiness.Step s : r.steps()) {
            g.writeStartObject();
            g.writeStringField("service", s.service());
            g.writeStringField("from", s.from());
            g.writeStringField("to", s.to());
            JsonOutput.optional(g, "apiHash", s.apiHash());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonOutput.strings(g, "problems", r.problems());
        g.writeEndObject();
    }

    public static void rolledBack(JsonGenerator g, RolledBack r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("plan", r.plan().id());
        g.writeStringField("status", r.plan().status().id());
        g.writeArrayFieldStart("deployments");
        for (var d : r.deployments()) {
            g.writeStartObject();
            g.writeStringField("service", d.service());
            g.writeStringField("version", d.version());
            g.writeStringField("environment", d.environment());
            g.writeStringField("at", d.at().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonOutput.array(g, "notices", r.notices(), (gen, a) -> gen.writeNumber(a.id()));
        g.writeEndObject();
    }

    private static void spread(JsonGenerator g, String field, Spread s) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("count", s.count());
        seconds(g, "meanSeconds", s.mean());
        seconds(g, "maxSeconds", s.max());
        g.writeEndObject();
    }

    public static void day(JsonGenerator g, DayMeasures m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("plan", m.planId());
        g.writeNumberField("incidents", m.incidents());
        g.writeNumberField("open", m.open());
        spread(g, "timeToDetect", m.timeToDetect());
        spread(g, "timeToAcknowledge", m.timeToAcknowledge());
        spread(g, "timeToRepair", m.timeToRepair());
        g.writeEndObject();
    }

    private static void keys(JsonGenerator g, FourKeys k) throws IOException {
        g.writeStartObject();
        g.writeStringField("group", k.group());
        g.writeNumberField("deployments", k.deployments());
        g.writeNumberField("perWeek", Math.round(k.perWeek() * 100) / 100.0);
        seconds(g, "leadTimeSeconds", k.leadTime());
        g.writeNumberField("failures", k.failures());
        if (k.changeFailureRate().isPresent()) {
            g.writeNumberField("changeFailureRate", Math.round(k.changeFailureRate().get() * 1000) / 1000.0);
        } else {
            g.writeNullField("changeFailureRate");
        }
        seconds(g, "timeToRestoreSeconds", k.timeToRestore());
        g.writeEndObject();
    }

    public static void measures(JsonGenerator g, Measures m) throws IOException {
        g.writeStartObject();
        g.writeStringField("from", m.from().toString());
        g.writeStringField("to", m.to().toString());
        g.writeFieldName("all");
        keys(g, m.all());
        JsonOutput.array(g, "services", m.services(), DayJson::keys);
        JsonOutput.array(g, "teams", m.teams(), DayJson::keys);
        g.writeEndObject();
    }
}
