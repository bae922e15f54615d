package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.IncidentService;
import org.breakwater.deployday.incident.IncidentStatus;
import org.breakwater.deployday.incident.NewIncident;
import org.breakwater.deployday.incident.Severity;
import org.breakwater.deployday.incident.cli.IncidentJson;

/**
 * Incidents in the REST API: read freely (as the rest of the API), changed with an API token of
 * a service owner or an admin (anyone fighting fires that day, whatever team); each change is audited.
 */
final class IncidentRoutes {
    private final App app;
    private final AccessService access;

    IncidentRoutes(App app, AccessService access) {
        this.app = app;
        this.access = access;
    }

    List<String> register(Javalin server) {
        server.get("/api/v1/incidents", this::list);
        server.get("/api/v1/incidents/{id}", this::show);
        server.post("/api/v1/incidents", this::open);
        server.post("/api/v1/incidents/{id}/acknowledge", ctx -> change(ctx, "acknowledged",
                (s, id, body, by) -> s.acknowledge(id, by)));
        server.post("/api/v1/incidents/{id}/assign", ctx -> change(ctx, "assigned",
                (s, id, body, by) -> s.assign(id, Requests.required(body, "person"), by)));
        server.post("/api/v1/incidents/{id}/resolve", ctx -> change(ctx, "resolved",
                (s, id, body, by) -> s.resolve(id, by, body.text("note"))));
        server.post("/api/v1/incidents/{id}/merge", ctx -> change(ctx, "merged",
                (s, id, body, by) -> s.merge(id, number(Requests.required(body, "into")), by)));
        return List.of("GET /api/v1/incidents", "GET /api/v1/incidents/{id}", "POST /api/v1/incidents",
                "POST /api/v1/incidents/{id}/acknowledge", "POST /api/v1/incidents/{id}/assign",
                "POST /api/v1/incidents/{id}/resolve", "POST /api/v1/incidents/{id}/merge");
    }

    static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("an incident is named by its number, not '" + text + "'");
        }
    }

    private static String json(JsonOutput.Body body) {
        StringWriter out = new StringWriter();
        JsonOutput.print(new java.io.PrintWriter(out), body);
        return out.toString();
    }

    private void list(Context ctx) {
        Optional<IncidentStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(s -> IncidentStatus.parse(s)
                .orElseThrow(() -> Problem.badRequest("no status '" + s + "'; one of open, acknowledged, resolved, merged")));
        Optional<Long> plan = Optional.ofNullable(ctx.queryParam("plan")).map(IncidentRoutes::number);
        int limit = Requests.intParam(ctx, "limit", 100, 1, 500);
        List<Incident> list = app.incidents().list(new IncidentRepository.Filter(status,
                Optional.ofNullable(ctx.queryParam("service")), plan, "true".equals(ctx.queryParam("active"))), limit);
        Requests.json(ctx, json(g -> IncidentJson.list(g, list)));
    }

    private void show(Context ctx) {
        long id = number(ctx.pathParam("id"));
        Incident i = app.incidents().incident(id).orElseThrow(() -> Problem.notFound("no incident " + id));
        Requests.json(ctx, json(g -> IncidentJson.show(g, i, app.incidents().events(id))));
    }

    private Principal writer(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        if (who.role() == Role.VIEWER) {
            throw new Problem(403, "Forbidden", who.username() + " is a viewer: changing incidents needs a service owner"
                    + " or an admin");
        }
        return who;
    }

    private void open(Context ctx) {
        Principal who = writer(ctx);
        ObjectNode body = Requests.body(ctx);
        String text = body.text("severity").orElse("major");
        Severity severity = Severity.parse(text).orElseThrow(() -> Problem.badRequest("no severity '" + text
                + "'; one of " + Severity.choices()));
        NewIncident n;
        try {
            n = new NewIncident(Optional.empty(), Requests.required(body, "title"), severity,
                    Requests.required(body, "service"), body.text("consumer"), body.text("operation"),
                    body.text("plan").map(IncidentRoutes::number), links(body), body.text("detail"),
                    body.text("detectedAt").map(t -> Requests.time(t).orElseThrow(() -> Problem.badRequest(
                            "detectedAt must be a time such as 2014-06-02T15:07:00Z"))).orElse(app.clock().instant()),
                    who.username());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        Incident i = Requests.done(app.incidents().open(n), 400).incident();
        access.audit(who.username(), "incident-opened", "incident/" + i.id(), Optional.of(i.title()));
        ctx.status(201);
        Requests.json(ctx, json(g -> IncidentJson.incident(g, i)));
    }

    private static List<String> links(ObjectNode body) {
        Node n = body.fields().get("links");
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof ArrayNode a)) {
            throw Problem.badRequest("links must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Node item : a.items()) {
            if (!(item instanceof ScalarNode s) || s.text().isBlank()) {
                throw Problem.badRequest("links must be an array of strings");
            }
            out.add(s.text());
        }
        return out;
    }

    /** One change to an incident, from its request. */
    interface Change {
        Outcome<Incident> apply(IncidentService service, long id, ObjectNode body, String by);
    }

    private void change(Context ctx, String action, Change change) {
        Principal who = writer(ctx);
        long id = number(ctx.pathParam("id"));
        ObjectNode body = ctx.body().isBlank() ? new ObjectNode(java.util.Map.of(), 1, 1, 0) : Requests.body(ctx);
        if (app.incidents().incident(id).isEmpty()) {
            throw Problem.notFound("no incident " + id);
        }
        Incident i = Requests.done(change.apply(app.incidents(), id, body, who.username()), 409);
        access.audit(who.username(), "incident-" + action, "incident/" + id, Optional.empty());
        Requests.json(ctx, json(g -> IncidentJson.incident(g, i)));
    }
}
