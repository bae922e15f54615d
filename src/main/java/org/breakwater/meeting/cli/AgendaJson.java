package org.breakwater.meeting.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.meeting.Agenda;

/** An agenda as JSON, the same for {@code --json} and the REST API (docs/api/openapi.json, Agenda). */
public final class AgendaJson {
    private AgendaJson() {
    }

    public static void agenda(JsonGenerator g, Agenda a) throws IOException {
        g.writeStartObject();
        g.writeStringField("occurrence", a.occurrence().toOffsetDateTime().toString());
        g.writeStringField("zone", a.occurrence().getZone().getId());
        JsonOutput.optional(g, "channel", a.channel());
        g.writeArrayFieldStart("items");
        for (Agenda.Item i : a.items()) {
            g.writeStartObject();
            g.writeStringField("reference", i.reference());
            g.writeStringField("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeStringField("title", i.title());
            g.writeStringField("detail", i.detail());
            g.writeBooleanField("overdue", i.overdue());
            g.writeStringField("topic", i.topic());
            g.writeStringField("info", i.info());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("lines");
        for (String l : a.lines()) {
            g.writeString(l);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
