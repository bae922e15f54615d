package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.Kind;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Session;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;

/**
 * Announcements on the pages: a plan's list with each one's state and Message-ID, a form to
 * write drafts, and per announcement a preview exactly as it will be mailed, an edit form and
 * the send button — for owners of the plan's services and admins, CSRF-checked and audited.
 */
final class AnnouncePages {
    private final App app;
    private final PlanService plans;
    private final AnnounceService announcements;
    private final AccessService access;
    private final WebAuth auth;
    private final Pages pages;

    AnnouncePages(App app, PlanService plans, AnnounceService announcements, AccessService access, WebAuth auth,
                  Pages pages) {
        this.app = app;
        this.plans = plans;
        this.announcements = announcements;
        this.access = access;
        this.auth = auth;
        this.pages = pages;
    }

    void register(Javalin server) {
        server.post("/plans/{id}/announcements", FormInput.keeping(this::draft, ctx -> "draft-form", pages::plan));
        server.get("/announcements/{id}", ctx -> show(ctx, FormInput.NONE));
        server.post("/announcements/{id}", FormInput.keeping(this::edit, ctx -> "edit-form", this::show));
        server.post("/announcements/{id}/send", this::send);
        server.post("/plans/{id}/reminders", this::approveReminders);
    }

    /** The plan page's section: what was written and sent, and (for those who may) the form to write more. */
    static void render(Html h, Plan p, List<Announcement> list, Optional<String> remindersApprovedBy,
                       Optional<Session> session, boolean mayChange, FormInput in) {
        h.tag("<h2 id=\"announcements\">Announcements</h2>");
        if (remindersApprovedBy.isPresent()) {
            h.el("p", "Reminders approved by " + remindersApprovedBy.get() + ": Breakwater writes and sends each when"
                    + " it is due.");
        } else if (session.isPresent() && mayChange && p.status().open()) {
            h.tag("<form method=\"post\" action=\"/plans/" + p.id() + "/reminders\" id=\"reminders-form\">")
                    .csrf(session.get().csrf()).tag("<button type=\"submit\">Approve the reminders</button> ")
                    .text("(Breakwater then sends each reminder the policy asks for when it is due, in your name)")
                    .tag("</form>");
        }
        if (list.isEmpty()) {
            h.el("p", "None written yet.");
        } else {
            h.tag("<table><tr><th>#</th><th>Kind</th><th>Subject</th><th>To</th><th>State</th><th>Message-ID</th></tr>");
            for (Announcement a : list) {
                h.tag("<tr><td>").link("/announcements/" + a.id(), "#" + a.id()).tag("</td><td>")
                        .text(a.kind().id() + a.consumer().map(c -> " (" + c + ")").orElse("")).tag("</td><td>")
                        .text(a.subject()).tag("</td><td>").text(String.join(", ", a.to())).tag("</td><td class=\""
                                + (a.status() == Announcement.Status.SENT ? "met" : "pending") + "\">")
                        .text(a.status().id() + a.sentAt().map(t -> " " + Times.show(t)).orElse("")).tag("</td><td><code>")
                        .text(a.messageId().orElse("—")).tag("</code></td></tr>");
            }
            h.tag("</table>");
        }
        if (session.isPresent() && mayChange) {
            h.tag("<form method=\"post\" action=\"/plans/" + p.id() + "/announcements\" id=\"draft-form\">")
                    .csrf(session.get().csrf());
            in.above(h, "draft-form", List.of("notes")).tag("<label>Write <select name=\"kind\">");
            String kind = in.value("draft-form", "kind", "");
            for (Kind k : Kind.values()) {
                h.tag("<option value=\"").text(k.id()).tag(k.id().equals(kind) ? "\" selected>" : "\">").text(k.id())
                        .tag("</option>");
            }
            h.tag("</select></label><label>Migration notes (API-break notice) <input name=\"notes\" size=\"40\" value=\"")
                    .text(in.value("draft-form", "notes", "")).tag("\"></label>");
            in.beside(h, "draft-form", "notes").tag(" <button type=\"submit\">Write the draft</button></form>");
        }
    }

    private Plan planFor(long planId, Principal who) {
        Plan plan = plans.plan(planId).orElseThrow(() -> Problem.notFound("no plan " + planId));
        Permissions.requirePlan(app, plan, who);
        return plan;
    }

    private Announcement announcement(Context ctx) {
        long id = Requests.id(ctx.pathParam("id"));
        return announcements.announcement(id).orElseThrow(() -> Problem.notFound("no announcement " + id));
    }

    private void draft(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = planFor(Requests.id(ctx.pathParam("id")), who);
        String text = Optional.ofNullable(ctx.formParam("kind")).orElse("");
        Kind kind = Kind.parse(text).orElseThrow(() -> Problem.badRequest("no kind '" + text + "'; one of "
                + String.join(", ", Arrays.stream(Kind.values()).map(Kind::id).toList())));
        List<Announcement> made = Requests.done(announcements.draft(plan.id(), kind,
                Optional.ofNullable(ctx.formParam("notes")).filter(s -> !s.isBlank()), Optional.<Duration>empty(),
                who.username()), 400);
        access.audit(who.username(), "announcement-drafted", "plan/" + plan.id(), Optional.of(made.size() + " "
                + kind.id() + (made.size() == 1 ? " #" + made.get(0).id() : "")));
        ctx.redirect(made.size() == 1 ? "/announcements/" + made.get(0).id() : "/plans/" + plan.id() + "#announcements",
                HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, FormInput in) {
        Announcement a = announcement(ctx);
        Plan plan = plans.plan(a.planId()).orElseThrow(() -> Problem.notFound("no plan " + a.planId()));
        Optional<Session> session = WebAuth.session(ctx);
        boolean may = session.map(s -> Permissions.mayChangePlan(app, plan, s.principal())).orElse(false);
        Html h = new Html();
        in.notice(h);
        h.tag("<p>").link("/plans/" + plan.id(), "Plan " + plan.id() + ": " + plan.title()).text(" · " + a.kind().id()
                + a.consumer().map(c -> " for " + c).orElse("") + " · " + a.status().id()
                + a.messageId().map(m -> " · " + m).orElse("") + a.sentAt().map(t -> " · sent " + Times.show(t))
                .orElse("")).tag("</p>");
        h.tag("<h2>").text(heading(a)).tag("</h2><pre class=\"mail\">").text("From: " + announcements.from() + "\nTo: "
                + String.join(", ", a.to()) + "\nSubject: " + a.subject() + "\n\n" + a.body()).tag("</pre>");
        if (a.status() == Announcement.Status.DRAFT && session.isPresent() && may) {
            String csrf = session.get().csrf();
            h.tag("<form method=\"post\" action=\"/announcements/" + a.id() + "/send\" id=\"send-form\">").csrf(csrf)
                    .tag("<button type=\"submit\">Send it</button> ").text("(it is delivered once, by the server's"
                            + " mail settings; nothing is sent until you press this)").tag("</form>");
            editForm(h, a, csrf, in);
        } else if (a.status() == Announcement.Status.DRAFT && session.isEmpty()) {
            h.tag("<p class=\"notice\">").link("/login?next=/announcements/" + a.id(), "Log in").text(" to change or send it.")
                    .tag("</p>");
        }
        WebAuth.html(ctx, "Announcement " + a.id() + ": " + a.subject(), h);
    }

    /** "As it will be mailed" for a draft; a sent one says when it was mailed. */
    static String heading(Announcement a) {
        if (a.status() == Announcement.Status.SENT) {
            return "As it was mailed" + a.sentAt().map(t -> " on " + Times.show(t)).orElse("");
        }
        if (a.status() == Announcement.Status.QUEUED) {
            return "As it is being mailed" + a.queuedAt().map(t -> " (sent on " + Times.show(t) + ", waiting in the"
                    + " outbox)").orElse("");
        }
        return "As it will be mailed";
    }

    /** The draft's edit form: what was typed when it comes back refused, the error beside its field. */
    private static void editForm(Html h, Announcement a, String csrf, FormInput in) {
        String form = "edit-form";
        h.tag("<h2>Change it</h2><form method=\"post\" action=\"/announcements/" + a.id() + "\" id=\"edit-form\">")
                .csrf(csrf);
        in.above(h, form, List.of("to", "subject", "body"));
        h.tag("<p><label>To (comma-separated; only the catalog's and the policy's addresses)<br>"
                + "<input name=\"to\" size=\"100\" value=\"").text(in.value(form, "to", String.join(", ", a.to())))
                .tag("\"></label>");
        in.beside(h, form, "to").tag("</p><p><label>Subject<br><input name=\"subject\" size=\"100\" value=\"")
                .text(in.value(form, "subject", a.subject())).tag("\"></label>");
        in.beside(h, form, "subject").tag("</p><p><label>Body<br><textarea name=\"body\" rows=\"24\" cols=\"100\">")
                .text(in.value(form, "body", a.body())).tag("</textarea></label>");
        in.beside(h, form, "body").tag("</p><p><button type=\"submit\">Save</button></p></form>");
    }

    private void edit(Context ctx) {
        Principal who = auth.formUser(ctx);
        Announcement a = announcement(ctx);
        planFor(a.planId(), who);
        Optional<List<String>> to = Optional.ofNullable(ctx.formParam("to")).map(t -> Arrays.stream(t.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        Outcome<Announcement> o = announcements.edit(a.id(), to, Optional.ofNullable(ctx.formParam("subject")),
                Optional.ofNullable(ctx.formParam("body")).map(b -> b.replace("\r\n", "\n")), who.username());
        Requests.done(o, 400);
        access.audit(who.username(), "announcement-edited", "plan/" + a.planId(), Optional.of("#" + a.id()));
        ctx.redirect("/announcements/" + a.id(), HttpStatus.SEE_OTHER);
    }

    private void approveReminders(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = planFor(Requests.id(ctx.pathParam("id")), who);
        String what = Requests.done(announcements.approveReminders(plan.id(), who.username()), 400);
        access.audit(who.username(), "reminders-approved", "plan/" + plan.id(), Optional.of(what));
        ctx.redirect("/plans/" + plan.id() + "#announcements", HttpStatus.SEE_OTHER);
    }

    private void send(Context ctx) {
        Principal who = auth.formUser(ctx);
        Announcement a = announcement(ctx);
        planFor(a.planId(), who);
        Announcement queued = Requests.done(announcements.send(a.id(), who.username()), 400);
        access.audit(who.username(), "announcement-sent", "plan/" + a.planId(), Optional.of("#" + a.id() + " "
                + queued.messageId().orElse("") + ": " + queued.subject()));
        ctx.redirect("/announcements/" + a.id(), HttpStatus.SEE_OTHER);
    }
}
