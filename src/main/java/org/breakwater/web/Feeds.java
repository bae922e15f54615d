package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Announcement;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;

/**
 * What other tools read: Atom feeds of sent announcements (all, and per service), and the
 * status of deployments for a status page — planned, ongoing, overdue, resolved — as JSON.
 */
final class Feeds {
    private static final int ENTRIES = 50;
    private static final Duration RESOLVED_SHOWN = Duration.ofDays(14);

    private final App app;
    private final PlanService plans;
    private final AnnounceService announcements;
    private final String base;

    /**
     * @param publicUrl the server's public URL, which feed links start with; without one they are
     *                  relative to the feed (never built from a request's Host header, which the
     *                  client chooses)
     */
    Feeds(App app, PlanService plans, AnnounceService announcements, Optional<String> publicUrl) {
        this.app = app;
        this.plans = plans;
        this.announcements = announcements;
        this.base = publicUrl.orElse("");
    }

    /** Registers the routes; returns the API's (the feeds are pages). */
    List<String> register(Javalin server) {
        server.get("/feeds/announcements.atom", ctx -> atom(ctx, Optional.empty()));
        server.get("/services/{name}/announcements.atom", ctx -> {
            String name = ctx.pathParam("name");
            app.catalog().service(name).orElseThrow(() -> Problem.notFound("no service '" + name + "'"));
            atom(ctx, Optional.of(name));
        });
        server.get("/api/v1/status", this::status);
        return List.of("GET /api/v1/status");
    }

    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c); // other control characters are not allowed in XML 1.0
                    }
                }
            }
        }
        return out.toString();
    }

    /** Sent announcements, newest first; of one service's plans when {@code service} is given. */
    private void atom(Context ctx, Optional<String> service) {
        List<Announcement> sent = announcements.list(Optional.empty()).stream()
                .filter(a -> a.status() == Announcement.Status.SENT)
                .filter(a -> service.isEmpty() || plans.plan(a.planId()).map(p -> p.releases().stream()
                        .anyMatch(r -> r.service().equals(service.get()))).orElse(false))
                .sorted(Comparator.comparing((Announcement a) -> a.sentAt().orElseThrow()).reversed())
                .limit(ENTRIES).toList();
        String self = base + ctx.path();
        Instant updated = sent.isEmpty() ? Instant.EPOCH : sent.get(0).sentAt().orElseThrow();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        // ids are permanent, whatever address the server moves to (RFC 4287 4.2.6)
        x.append("  <id>").append(xml("urn:breakwater:feed:" + service.map(s -> "service:" + s).orElse("announcements")))
                .append("</id>\n");
        x.append("  <title>").append(xml("Breakwater announcements" + service.map(s -> ": " + s).orElse("")))
                .append("</title>\n");
        x.append("  <updated>").append(updated).append("</updated>\n");
        x.append("  <link rel=\"self\" href=\"").append(xml(self)).append("\"/>\n");
        x.append("  <link rel=\"alternate\" href=\"").append(xml(base + service.map(s -> "/services/" + s).orElse("/")))
                .append("\"/>\n");
        x.append("  <generator>Breakwater</generator>\n");
        for (Announcement a : sent) {
            x.append("  <entry>\n");
            x.append("    <id>urn:breakwater:announcement:").append(a.id()).append("</id>\n");
            x.append("    <title>").append(xml(a.subject())).append("</title>\n");
            x.append("    <updated>").append(a.sentAt().orElseThrow()).append("</updated>\n");
            x.append("    <author><name>").append(xml(a.sentBy().orElse(a.createdBy()))).append("</name></author>\n");
            x.append("    <category term=\"").append(a.kind().id()).append("\"/>\n");
            x.append("    <link href=\"").append(xml(base + "/announcements/" + a.id())).append("\"/>\n");
            x.append("    <content type=\"text\">").append(xml(a.body())).append("</content>\n");
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        ctx.contentType("application/atom+xml; charset=utf-8").result(x.toString());
    }

    /**
     * planned (scheduled, its window not open yet), ongoing (in progress, or scheduled inside its window),
     * overdue (scheduled, its window passed without the deployment starting), resolved (done, rolled back).
     */
    static Optional<String> state(Plan p, Instant now) {
        return switch (p.status()) {
            case SCHEDULED -> Optional.of(now.isBefore(p.start()) ? "planned" : now.isBefore(p.end()) ? "ongoing" : "overdue");
            case IN_PROGRESS -> Optional.of("ongoing");
            case DONE, ROLLED_BACK -> Optional.of("resolved");
            case DRAFT, CANCELLED -> Optional.empty();
        };
    }

    /** {@code GET /api/v1/status}: what a status page shows: upcoming, ongoing and lately resolved deployments. */
    private void status(Context ctx) {
        Instant now = Instant.now();
        List<Plan> shown = plans.list(Optional.empty()).stream()
                .filter(p -> state(p, now).isPresent())
                .filter(p -> p.status().open() || p.end().isAfter(now.minus(RESOLVED_SHOWN)))
                .sorted(Comparator.comparing(Plan::start)).toList();
        Requests.json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("entries");
            for (Plan p : shown) {
                g.writeStartObject();
                g.writeNumberField("plan", p.id());
                g.writeStringField("title", p.title());
                g.writeStringField("state", state(p, now).orElseThrow());
                g.writeStringField("status", p.status().id());
                g.writeStringField("environment", p.environment());
                g.writeArrayFieldStart("services");
                for (var r : p.releases()) {
                    g.writeString(r.service());
                }
                g.writeEndArray();
                g.writeStringField("start", p.start().toString());
                g.writeStringField("end", p.end().toString());
                g.writeBooleanField("windowPassed", !now.isBefore(p.end()));
                g.writeStringField("url", "/plans/" + p.id());
                if (p.ticket().isPresent()) {
                    g.writeStringField("ticket", p.ticket().get());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }
}
