package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.auth.Session;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.Times;
import org.breakwater.meeting.Agenda;
import org.breakwater.meeting.AgendaService;
import org.breakwater.meeting.DecisionCodes;
import org.breakwater.meeting.FollowUp;
import org.breakwater.meeting.ItemState;
import org.breakwater.meeting.Meeting;
import org.breakwater.meeting.MeetingService;
import org.breakwater.meeting.MinutesLimits;
import org.breakwater.meeting.StoredItem;
import org.breakwater.meeting.fetch.MinutesFetcher;
import org.breakwater.policy.Policy;

/**
 * The meetings pages (docs/meetings.md): the meetings ingested, one meeting with every item at its
 * line and what became of it, the next agenda with the lines to paste; for people who may change
 * things (not viewers), uploading minutes (a file, pasted text or an allowed URL), confirming an
 * ambiguous match and closing follow-ups — CSRF-checked and audited.
 */
final class MeetingPages {
    private final MeetingService meetings;
    private final AgendaService agenda;
    private final Policy policy;
    private final AccessService access;
    private final WebAuth auth;

    MeetingPages(MeetingService meetings, AgendaService agenda, Policy policy, AccessService access, WebAuth auth) {
        this.meetings = meetings;
        this.agenda = agenda;
        this.policy = policy;
        this.access = access;
        this.auth = auth;
    }

    void register(Javalin server) {
        server.get("/meetings", this::list);
        server.get("/meetings/agenda", this::agenda);
        server.get("/meetings/{id}", this::show);
        server.post("/meetings", this::upload);
        server.post("/meetings/items/{id}/confirm", this::confirm);
        server.post("/meetings/follow-ups/{id}/done", this::done);
    }

    /** Anyone logged in except a viewer: minutes record evidence on plans. */
    static Principal writer(Principal who) {
        if (who.role() == Role.VIEWER) {
            throw new Problem(403, "Forbidden", who.username() + " (viewer) may only read");
        }
        return who;
    }

    private void list(Context ctx) {
        Optional<Session> session = WebAuth.session(ctx);
        Html h = new Html();
        h.tag("<p>").link("/meetings/agenda", "The next meeting's agenda").text(" · " + meetings.pending().size()
                + " item(s) wait for a person to confirm").tag("</p>");
        List<Meeting> all = meetings.list();
        if (all.isEmpty()) {
            h.el("p", "No minutes ingested yet.");
        } else {
            h.tag("<table><tr><th>#</th><th>Date</th><th>Meeting</th><th>From</th><th>Ingested</th></tr>");
            for (Meeting m : all) {
                h.tag("<tr><td>").link("/meetings/" + m.id(), "#" + m.id()).tag("</td><td>").text(m.date().toString())
                        .tag("</td><td>").text(m.title() + m.channel().map(c -> " (" + c + ")").orElse("")
                                + (m.truncated() ? " — truncated" : "")).tag("</td><td class=\"long\">").text(m.source())
                        .tag("</td><td>").text(m.ingestedBy() + ", " + Times.show(m.ingestedAt())).tag("</td></tr>");
            }
            h.tag("</table>");
        }
        if (session.isPresent() && session.get().principal().role() != Role.VIEWER) {
            h.tag("<h2>Ingest minutes</h2><form method=\"post\" action=\"/meetings\" enctype=\"multipart/form-data\""
                    + " id=\"upload-form\">").csrf(session.get().csrf())
                    .tag("<p><label>MeetBot's minutes or log: a file <input type=\"file\" name=\"file\"></label></p>"
                            + "<p><label>or its address (hosts: ").text(hosts()).tag(") <input name=\"url\" size=\"80\">"
                            + "</label></p><p><label>or pasted<br><textarea name=\"text\" rows=\"10\" cols=\"100\">"
                            + "</textarea></label></p><p><button type=\"submit\">Ingest</button></p></form>");
        } else if (session.isEmpty()) {
            h.tag("<p class=\"notice\">").link("/login?next=/meetings", "Log in").text(" to ingest minutes.").tag("</p>");
        }
        WebAuth.html(ctx, "Meetings", h);
    }

    private String hosts() {
        return policy.meeting().minutesHosts().isEmpty() ? "none allowed by the policy"
                : String.join(", ", policy.meeting().minutesHosts());
    }

    private void agenda(Context ctx) {
        Agenda a = agenda.agenda(Optional.empty());
        Html h = new Html();
        h.tag("<pre class=\"mail\">").text(a.text()).tag("</pre>");
        WebAuth.html(ctx, "Agenda: " + a.when(), h);
    }

    private void show(Context ctx) {
        long id = Requests.id(ctx.pathParam("id"));
        MeetingService.Shown s = meetings.show(id).orElseThrow(() -> Problem.notFound("no meeting " + id));
        Meeting m = s.meeting();
        Optional<Session> session = WebAuth.session(ctx).filter(x -> x.principal().role() != Role.VIEWER);
        Html h = new Html();
        h.tag("<p>").text(m.date() + " " + m.start() + " UTC" + m.channel().map(c -> " in " + c).orElse("")
                + " · chairs " + String.join(", ", m.chairs()) + " · present " + String.join(", ", m.participants())
                + " · from " + m.source() + " (" + m.format().name().toLowerCase(java.util.Locale.ROOT) + ")").tag("</p>");
        if (m.truncated()) {
            h.tag("<p class=\"notice\">").text("Truncated: these minutes have no end-of-meeting marker; what was said up"
                    + " to the cut was read.").tag("</p>");
        }
        h.tag("<table><tr><th>Line</th><th>Item</th><th>State</th><th>What became of it</th></tr>");
        for (StoredItem i : s.items()) {
            h.tag("<tr id=\"line-" + i.line() + "\"><td>").text(Integer.toString(i.line())).tag("</td><td class=\"long\">")
                    .text(i.time() + " " + i.kind() + " <" + i.nick() + "> " + i.text()).tag("</td><td class=\"")
                    .tag(state(i.state())).tag("\">").text(i.state().id()).tag("</td><td class=\"long\">")
                    .text(i.outcome());
            if (i.state() == ItemState.PENDING && session.isPresent()) {
                confirmForm(h, i, session.get().csrf());
            }
            h.tag("</td></tr>");
        }
        h.tag("</table>");
        followUps(h, s.followUps(), session);
        WebAuth.html(ctx, "Meeting " + m.id() + ": " + m.title(), h);
    }

    private static String state(ItemState s) {
        return switch (s) {
            case APPLIED, CONFIRMED -> "met";
            case PENDING -> "pending";
            case UNMATCHED -> "failed";
            default -> "waived";
        };
    }

    private static void confirmForm(Html h, StoredItem i, String csrf) {
        h.tag("<form method=\"post\" action=\"/meetings/items/" + i.id() + "/confirm\" id=\"confirm-" + i.id() + "\">")
                .csrf(csrf).tag("<label>It meant <select name=\"choice\">");
        for (String c : i.candidates()) {
            h.tag("<option value=\"").text(c).tag("\">").text(DecisionCodes.label(c)).tag("</option>");
        }
        h.tag("<option value=\"none\">none of these</option></select></label> <button type=\"submit\">Confirm</button>"
                + "</form>");
    }

    private static void followUps(Html h, List<FollowUp> list, Optional<Session> session) {
        if (list.isEmpty()) {
            return;
        }
        h.tag("<h2>Follow-ups</h2><ul>");
        for (FollowUp f : list) {
            h.tag("<li>").text("line " + f.line() + f.planId().map(p -> ", BW-" + p).orElse("") + ": " + f.text()
                    + (f.open() ? "" : " — done by " + f.doneBy().orElse("?")));
            if (f.open() && session.isPresent()) {
                h.tag(" <form class=\"inline\" method=\"post\" action=\"/meetings/follow-ups/" + f.id() + "/done\">")
                        .csrf(session.get().csrf()).tag("<button type=\"submit\">Done</button></form>");
            }
            h.tag("</li>");
        }
        h.tag("</ul>");
    }

    /** The plan page's section: the #action lines of the meetings about it that are not done yet. */
    static void planFollowUps(Html h, List<FollowUp> open) {
        if (open.isEmpty()) {
            return;
        }
        h.tag("<h2 id=\"follow-ups\">Follow-ups from the weekly meeting</h2><ul>");
        for (FollowUp f : open) {
            h.tag("<li>").text(f.text() + " (" + f.nick() + ", ").link("/meetings/" + f.meetingId() + "#line-" + f.line(),
                    "meeting " + f.meetingId() + ", line " + f.line()).text(")").tag("</li>");
        }
        h.tag("</ul>");
    }

    private void upload(Context ctx) {
        Principal who = writer(auth.formUser(ctx));
        Minutes in = minutes(ctx, policy);
        MeetingService.Shown s = Requests.done(meetings.ingest(in.name(), in.bytes(), who.username()), 400);
        access.audit(who.username(), "minutes-ingested", "meeting/" + s.meeting().id(), Optional.of(in.name()));
        ctx.redirect("/meetings/" + s.meeting().id(), HttpStatus.SEE_OTHER);
    }

    /** Minutes as sent: a name and the bytes. */
    record Minutes(String name, byte[] bytes) {
    }

    /** The uploaded file, else the allowed URL fetched, else the pasted text; refused (400) when none is given. */
    static Minutes minutes(Context ctx, Policy policy) {
        int max = MinutesLimits.DEFAULT.maxBytes();
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file != null && file.size() > 0) {
            try (InputStream in = file.content()) {
                return new Minutes(file.filename().replaceAll("[^A-Za-z0-9._-]", "_"), in.readNBytes(max + 1));
            } catch (IOException e) {
                throw Problem.badRequest("the uploaded file could not be read: " + e.getMessage());
            }
        }
        String url = Optional.ofNullable(ctx.formParam("url")).map(String::strip).orElse("");
        if (!url.isEmpty()) {
            return fetch(url, policy);
        }
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        if (text.isBlank()) {
            throw Problem.badRequest("give the minutes: a file, an address or the pasted text");
        }
        return new Minutes("pasted minutes", text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Minutes fetch(String url, Policy policy) {
        MinutesFetcher.Fetched f = new MinutesFetcher(policy.meeting().minutesHosts(), MinutesLimits.DEFAULT.maxBytes(),
                java.time.Duration.ofSeconds(30)).fetch(url);
        if (f instanceof MinutesFetcher.Fetched.Refused r) {
            throw Problem.badRequest(r.reason());
        }
        MinutesFetcher.Fetched.Body b = (MinutesFetcher.Fetched.Body) f;
        return new Minutes(b.url(), b.bytes());
    }

    private void confirm(Context ctx) {
        Principal who = writer(auth.formUser(ctx));
        long id = Requests.id(ctx.pathParam("id"));
        StoredItem i = Requests.done(meetings.confirm(id, Optional.ofNullable(ctx.formParam("choice")).orElse(""),
                who.username()), 400);
        access.audit(who.username(), "minutes-item-" + i.state().id(), "meeting/" + i.meetingId(),
                Optional.of("item " + i.id() + ": " + i.outcome()));
        ctx.redirect("/meetings/" + i.meetingId() + "#line-" + i.line(), HttpStatus.SEE_OTHER);
    }

    private void done(Context ctx) {
        Principal who = writer(auth.formUser(ctx));
        long id = Requests.id(ctx.pathParam("id"));
        Outcome<String> o = meetings.followUpDone(id, who.username());
        Requests.done(o, 400);
        access.audit(who.username(), "follow-up-done", "follow-up/" + id, Optional.empty());
        ctx.redirect(Optional.ofNullable(ctx.header("Referer")).filter(r -> r.contains("/meetings/"))
                .map(r -> r.substring(r.indexOf("/meetings/"))).orElse("/meetings"), HttpStatus.SEE_OTHER);
    }
}
