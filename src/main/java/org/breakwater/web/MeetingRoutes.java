package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.meeting.AgendaService;
import org.breakwater.meeting.Meeting;
import org.breakwater.meeting.MeetingService;
import org.breakwater.meeting.MinutesLimits;
import org.breakwater.meeting.StoredItem;
import org.breakwater.meeting.cli.AgendaJson;
import org.breakwater.meeting.cli.MeetingJson;
import org.breakwater.policy.Policy;

/**
 * The meetings in the REST API: reading needs what every read needs; ingesting minutes and
 * confirming a match need an API token of anyone but a viewer, and are audited.
 */
final class MeetingRoutes {
    private final MeetingService meetings;
    private final AgendaService agenda;
    private final Policy policy;
    private final AccessService access;

    MeetingRoutes(MeetingService meetings, AgendaService agenda, Policy policy, AccessService access) {
        this.meetings = meetings;
        this.agenda = agenda;
        this.policy = policy;
        this.access = access;
    }

    List<String> register(Javalin server) {
        server.get("/api/v1/meetings", this::list);
        server.get("/api/v1/meetings/agenda", this::agenda);
        server.get("/api/v1/meetings/{id}", this::show);
        server.post("/api/v1/meetings", this::ingest);
        server.post("/api/v1/meetings/items/{id}/confirm", this::confirm);
        return List.of("GET /api/v1/meetings", "GET /api/v1/meetings/agenda", "GET /api/v1/meetings/{id}",
                "POST /api/v1/meetings", "POST /api/v1/meetings/items/{id}/confirm");
    }

    private void list(Context ctx) {
        List<Meeting> all = meetings.list();
        int limit = Requests.intParam(ctx, "limit", 50, 1, MeetingService.LISTED);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Meeting> page = Requests.page(all, offset, limit);
        Requests.json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("total", all.size());
            g.writeNumberField("limit", limit);
            g.writeNumberField("offset", offset);
            g.writeArrayFieldStart("items");
            for (Meeting m : page) {
                MeetingJson.meeting(g, m);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private void agenda(Context ctx) {
        Optional<LocalDate> day;
        try {
            day = Optional.ofNullable(ctx.queryParam("date")).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("date must be YYYY-MM-DD, not '" + ctx.queryParam("date") + "'");
        }
        var a = agenda.agenda(day);
        Requests.json(ctx, Json.write(g -> AgendaJson.agenda(g, a)));
    }

    private void show(Context ctx) {
        long id = Requests.id(ctx.pathParam("id"));
        MeetingService.Shown s = meetings.show(id).orElseThrow(() -> Problem.notFound("no meeting " + id));
        Requests.json(ctx, Json.write(g -> MeetingJson.shown(g, s)));
    }

    /**
     * {@code POST /api/v1/meetings}: the minutes as the body ({@code ?name=} names them), or JSON
     * {@code {"url": …}} to fetch them from an allowed host.
     */
    private void ingest(Context ctx) {
        Principal who = MeetingPages.writer(WriteRoutes.principal(ctx, access));
        MeetingPages.Minutes in;
        if (Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/json")) {
            ObjectNode body = Requests.body(ctx);
            in = MeetingPages.fetch(Requests.required(body, "url"), policy);
        } else {
            byte[] bytes = ctx.bodyAsBytes();
            if (bytes.length > MinutesLimits.DEFAULT.maxBytes()) {
                throw Problem.badRequest("too large: more than " + MinutesLimits.DEFAULT.maxBytes() + " bytes");
            }
            in = new MeetingPages.Minutes(Optional.ofNullable(ctx.queryParam("name")).filter(n -> !n.isBlank())
                    .map(n -> Requests.fileName(n, "name")).orElse("uploaded minutes"), bytes);
        }
        MeetingService.Shown s = Requests.done(meetings.ingest(in.name(), in.bytes(), who.username()), 400);
        access.audit(who.username(), "minutes-ingested", "meeting/" + s.meeting().id(), Optional.of(in.name()));
        Requests.json(ctx, Json.write(g -> MeetingJson.shown(g, s)));
        ctx.status(201);
    }

    private void confirm(Context ctx) {
        Principal who = MeetingPages.writer(WriteRoutes.principal(ctx, access));
        ObjectNode body = Requests.body(ctx);
        StoredItem i = Requests.done(meetings.confirm(Requests.id(ctx.pathParam("id")), Requests.required(body, "choice"),
                who.username()), 400);
        access.audit(who.username(), "minutes-item-" + i.state().id(), "meeting/" + i.meetingId(),
                Optional.of("item " + i.id() + ": " + i.outcome()));
        Requests.json(ctx, Json.write(g -> MeetingJson.item(g, i)));
    }
}
