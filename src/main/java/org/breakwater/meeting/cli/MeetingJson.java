package org.breakwater.meeting.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.meeting.FollowUp;
import org.breakwater.meeting.Meeting;
import org.breakwater.meeting.MeetingService;
import org.breakwater.meeting.StoredItem;

/** Meetings as JSON, the same for {@code --json} and the REST API (docs/api/openapi.json, Meeting). */
public final class MeetingJson {
    private MeetingJson() {
    }

    public static void meeting(JsonGenerator g, Meeting m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", m.id());
        g.writeStringField("date", m.date().toString());
        g.writeStringField("start", m.start().toString());
        g.writeStringField("title", m.title());
        JsonOutput.optional(g, "channel", m.channel());
        g.writeStringField("owner", m.owner());
        strings(g, "chairs", m.chairs());
        strings(g, "participants", m.participants());
        g.writeStringField("source", m.source());
        g.writeStringField("sha256", m.contentHash());
        g.writeStringField("format", m.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        g.writeBooleanField("truncated", m.truncated());
        g.writeStringField("ingestedBy", m.ingestedBy());
        g.writeStringField("ingestedAt", m.ingestedAt().toString());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, java.util.List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static void item(JsonGenerator g, StoredItem i) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", i.id());
        g.writeNumberField("meeting", i.meetingId());
        g.writeNumberField("line", i.line());
        g.writeStringField("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("nick", i.nick());
        g.writeStringField("time", i.time().toString());
        g.writeStringField("text", i.text());
        g.writeStringField("state", i.state().id());
        JsonOutput.optional(g, "target", i.target());
        strings(g, "candidates", i.candidates());
        JsonOutput.optional(g, "decision", i.decision());
        g.writeStringField("outcome", i.outcome());
        JsonOutput.optional(g, "decidedBy", i.decidedBy());
        g.writeEndObject();
    }

    public static void followUp(JsonGenerator g, FollowUp f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", f.id());
        g.writeNumberField("meeting", f.meetingId());
        g.writeNumberField("line", f.line());
        g.writeStringField("nick", f.nick());
        g.writeStringField("text", f.text());
        if (f.planId().isPresent()) {
            g.writeNumberField("plan", f.planId().get());
        } else {
            g.writeNullField("plan");
        }
        g.writeBooleanField("done", !f.open());
        g.writeEndObject();
    }

    /** {"meeting": …, "items": […], "followUps": […]}. */
    public static void shown(JsonGenerator g, MeetingService.Shown s) throws IOException {
        g.writeStartObject();
        g.writeFieldName("meeting");
        meeting(g, s.meeting());
        g.writeArrayFieldStart("items");
        for (StoredItem i : s.items()) {
            item(g, i);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("followUps");
        for (FollowUp f : s.followUps()) {
            followUp(g, f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
