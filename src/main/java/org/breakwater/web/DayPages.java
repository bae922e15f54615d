package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Session;
import org.breakwater.cli.common.Times;
import org.breakwater.deployday.DayServices;
import org.breakwater.deployday.board.Board;
import org.breakwater.deployday.board.ChecklistStep;
import org.breakwater.deployday.board.DayIncident;
import org.breakwater.deployday.board.RollbackReadiness;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.deployday.roster.RosterView;
import org.breakwater.plan.Migration;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;

/**
 * The day's board of a plan (docs/deployment-day.md): checklist with who ticked what and when, the
 * roster with who confirmed, incidents, the affected consumers' calls, whether a rollback is possible
 * and its button. Plain HTML: while the plan is in progress the page asks the browser to reload it
 * every {@value #REFRESH_SECONDS} s (the HTTP Refresh header), no JavaScript needed. Forms are
 * CSRF-checked and audited.
 */
final class DayPages {
    static final int REFRESH_SECONDS = 30;

    private final App app;
    private final PlanService plans;
    private final DayServices day;
    private final AccessService access;
    private final WebAuth auth;
    private final Optional<String> publicUrl;

    DayPages(App app, PlanService plans, DayServices day, AccessService access, WebAuth auth, Optional<String> publicUrl) {
        this.app = app;
        this.plans = plans;
        this.day = day;
        this.access = access;
        this.auth = auth;
        this.publicUrl = publicUrl;
    }

    void register(Javalin server) {
        server.get("/plans/{id}/board", this::board);
        server.post("/plans/{id}/board/tick", this::tick);
        server.post("/plans/{id}/roster/propose", this::propose);
        server.post("/plans/{id}/roster/invite", this::invite);
        server.post("/plans/{id}/roster/confirm", this::confirm);
        server.post("/plans/{id}/rollback", this::rollback);
        new RosterLinkPage(day.roster(), auth).register(server);
    }

    private void board(Context ctx) {
        Board b = Requests.done(day.board().board(Requests.id(ctx.pathParam("id"))), 404);
        Plan p = b.plan();
        Optional<Session> session = WebAuth.session(ctx);
        boolean may = session.map(s -> Permissions.mayChangePlan(app, p, s.principal())).orElse(false);
        Html h = new Html();
        h.tag("<p>").text(p.releaseLabel() + " → " + p.environment() + ", " + Times.show(p.start()) + " to "
                + Times.show(p.end()) + "; ").tag("<strong>").text(p.status().id()).tag("</strong> · ")
                .link("/plans/" + p.id(), "the plan").tag(" · ").link("/plans/" + p.id() + "/postmortem",
                        "post-mortem draft").tag(" · ").link("/measures", "measures").tag("</p>");
        if (b.live()) {
            ctx.header("Refresh", Integer.toString(REFRESH_SECONDS));
            h.tag("<p class=\"notice\">").text("Live: this page reloads itself every " + REFRESH_SECONDS + " s"
                    + (b.plan().status() == org.breakwater.plan.PlanStatus.IN_PROGRESS ? "." : " while detection settles."))
                    .tag("</p>");
        }
        checklist(h, b, session, may);
        roster(h, b.roster(), session, may);
        incidents(h, b.incidents());
        BoardRates.render(h, b.rates());
        consumers(h, b.consumers());
        rollback(h, b, session, may);
        WebAuth.html(ctx, "Board: " + p.title(), h);
    }

    private static void checklist(Html h, Board b, Optional<Session> session, boolean may) {
        h.tag("<h2 id=\"checklist\">Checklist</h2><table><tr><th>Step</th><th>Done</th><th>By</th><th>Note</th></tr>");
        Optional<ChecklistStep> next = b.checklist().stream().filter(i -> i.tick().isEmpty()).map(Board.Item::step)
                .findFirst();
        for (Board.Item i : b.checklist()) {
            h.tag("<tr><td>").text(i.step().title()).tag("</td><td class=\"" + (i.tick().isPresent() ? "met" : "pending")
                    + "\">").text(i.tick().map(t -> "✓ " + Times.show(t.at())).orElse("—")).tag("</td><td>")
                    .text(i.tick().map(t -> t.by()).orElse("")).tag("</td><td>")
                    .text(i.tick().flatMap(t -> t.note()).orElse(""));
            boolean open = b.plan().status() == org.breakwater.plan.PlanStatus.SCHEDULED || b.live();
            if (session.isPresent() && may && open && next.filter(i.step()::equals).isPresent()) {
                h.tag("<form class=\"inline\" method=\"post\" action=\"/plans/" + b.plan().id() + "/board/tick\">")
                        .csrf(session.get().csrf()).tag("<input type=\"hidden\" name=\"step\" value=\"")
                        .text(i.step().id()).tag("\"><input name=\"note\" size=\"30\" placeholder=\"a line or a link\">"
                                + " <button type=\"submit\">Tick</button></form>");
            }
            h.tag("</td></tr>");
        }
        h.tag("</table>");
    }

    private static void roster(Html h, RosterView v, Optional<Session> session, boolean may) {
        long id = v.plan().id();
        h.tag("<h2 id=\"roster\">Roster</h2>").el("p", v.confirmed() + " of " + v.lines().size() + " confirmed");
        if (!v.lines().isEmpty()) {
            h.tag("<table><tr><th>Who</th><th>Role</th><th>Why</th><th>Their time</th><th>Confirmed</th></tr>");
        }
        for (RosterView.Line l : v.lines()) {
            RosterMember m = l.member();
            h.tag("<tr><td>").text(l.name() + " (" + m.username() + ")").tag("</td><td>")
                    .text(m.role().id() + m.team().map(t -> " for " + t).orElse("")).tag("</td><td>").text(m.reason())
                    .tag("</td><td>").text(l.localWindow());
            l.outsideDay().ifPresent(w -> h.tag(" <span class=\"outside\">").text("outside their day: " + w)
                    .tag("</span>"));
            h.tag("</td><td class=\"" + (m.confirmed() ? "met" : "pending") + "\">").text(m.confirmedAt()
                    .map(c -> "✓ " + Times.show(c) + " (" + m.confirmedVia().orElse("?") + ")")
                    .orElse(m.invitedAt().map(i -> "invited " + Times.show(i)).orElse("not invited"))).tag("</td></tr>");
        }
        if (!v.lines().isEmpty()) {
            h.tag("</table>");
        }
        if (!v.gaps().isEmpty()) {
            h.tag("<p><strong>Gaps</strong></p><ul>");
            v.gaps().forEach(g -> h.el("li", g));
            h.tag("</ul>");
        }
        if (session.isEmpty()) {
            return;
        }
        String user = session.get().principal().username();
        if (v.lines().stream().anyMatch(l -> l.member().username().equals(user) && !l.member().confirmed())) {
            form(h, session.get(), "/plans/" + id + "/roster/confirm", "I will be there: confirm");
        }
        if (may) {
            form(h, session.get(), "/plans/" + id + "/roster/propose", "Propose the roster from the plan");
            form(h, session.get(), "/plans/" + id + "/roster/invite", "Invite everyone not confirmed (mail with .ics)");
        }
    }

    private static void form(Html h, Session s, String action, String button) {
        h.tag("<form class=\"inline\" method=\"post\" action=\"").text(action).tag("\">").csrf(s.csrf())
                .tag("<button type=\"submit\">").text(button).tag("</button></form> ");
    }

    private static void incidents(Html h, List<DayIncident> incidents) {
        h.tag("<h2 id=\"incidents\">Incidents</h2>");
        if (incidents.isEmpty()) {
            h.el("p", "None.");
            return;
        }
        h.tag("<table><tr><th>#</th><th>What</th><th>Severity</th><th>Detected</th><th>Acknowledged</th>"
                + "<th>Resolved</th></tr>");
        for (DayIncident i : incidents) {
            h.tag("<tr><td>").text("#" + i.id()).tag("</td><td>").text(i.title()).tag("</td><td>").text(i.severity())
                    .tag("</td><td>").text(Times.show(i.detectedAt())).tag("</td><td>")
                    .text(i.acknowledgedAt().map(Times::show).orElse("—")).tag("</td><td class=\""
                            + (i.resolvedAt().isPresent() ? "met" : "failed") + "\">")
                    .text(i.resolvedAt().map(Times::show).orElse("open")).tag("</td></tr>");
        }
        h.tag("</table>");
    }

    /** The affected consumers and their calls to what the plan breaks, as the access logs show them. */
    private static void consumers(Html h, List<Migration> consumers) {
        h.tag("<h2 id=\"consumers\">Affected consumers</h2>");
        if (consumers.isEmpty()) {
            h.el("p", "No consumer is affected.");
            return;
        }
        h.tag("<table><tr><th>Consumer</th><th>State</th><th>Calls to what breaks (logs)</th></tr>");
        for (Migration m : consumers) {
            h.tag("<tr><td>").text(m.consumer()).tag("</td><td>").text(m.state().label()).tag("</td><td>")
                    .text(m.stillCalls().isEmpty() ? "none seen" : String.join(", ", m.stillCalls().stream()
                            .map(c -> c.operation() + ": " + c.calls() + ", last " + Times.show(c.lastSeen())).toList()))
                    .tag("</td></tr>");
        }
        h.tag("</table>");
    }

    private static void rollback(Html h, Board b, Optional<Session> session, boolean may) {
        RollbackReadiness r = b.rollback();
        h.tag("<h2 id=\"rollback\">Rollback</h2>");
        if (r.possible()) {
            h.el("p", "Possible: back to " + String.join(", ", r.steps().stream().map(s -> s.service() + " " + s.to()
                    + " (API description recorded)").toList()) + ".");
        } else {
            h.tag("<p class=\"failed\">").text("Not possible: " + String.join("; ", r.problems())).tag("</p>");
        }
        if (r.possible() && b.live() && session.isPresent() && may) {
            form(h, session.get(), "/plans/" + b.plan().id() + "/rollback",
                    "Roll back: record the earlier versions and draft the rolled-back notice");
        }
    }

    private Plan planFor(Context ctx, Principal who) {
        Plan plan = plans.plan(Requests.id(ctx.pathParam("id"))).orElseThrow(() -> Problem.notFound("no plan "
                + ctx.pathParam("id")));
        Permissions.requirePlan(app, plan, who);
        return plan;
    }

    private void back(Context ctx, long id, String anchor) {
        ctx.redirect("/plans/" + id + "/board#" + anchor, HttpStatus.SEE_OTHER);
    }

    private void tick(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = planFor(ctx, who);
        String text = Optional.ofNullable(ctx.formParam("step")).orElse("");
        ChecklistStep step = ChecklistStep.parse(text).orElseThrow(() -> Problem.badRequest("no step '" + text + "'"));
        Requests.done(day.board().tick(plan.id(), step, who.username(), Optional.ofNullable(ctx.formParam("note"))), 400);
        access.audit(who.username(), "checklist-ticked", "plan/" + plan.id(), Optional.of(step.id()));
        back(ctx, plan.id(), "checklist");
    }

    private void propose(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = planFor(ctx, who);
        Requests.done(day.roster().propose(plan.id()), 400);
        access.audit(who.username(), "roster-proposed", "plan/" + plan.id(), Optional.empty());
        back(ctx, plan.id(), "roster");
    }

    private void invite(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = planFor(ctx, who);
        List<RosterMember> invited = Requests.done(day.roster().invite(plan.id(),
                publicUrl.orElseGet(() -> ctx.scheme() + "://" + ctx.host())), 400);
        access.audit(who.username(), "roster-invited", "plan/" + plan.id(), Optional.of(String.join(", ",
                invited.stream().map(RosterMember::username).toList())));
        back(ctx, plan.id(), "roster");
    }

    private void confirm(Context ctx) {
        Principal who = auth.formUser(ctx);
        long id = Requests.id(ctx.pathParam("id"));
        Requests.done(day.roster().confirm(id, who.username(), "login"), 400);
        access.audit(who.username(), "roster-confirmed", "plan/" + id, Optional.empty());
        back(ctx, id, "roster");
    }

    private void rollback(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = planFor(ctx, who);
        var r = Requests.done(NothingWritten.rollback(plans, plan, () -> day.board().rollback(plan.id(),
                who.username())), 400);
        access.audit(who.username(), "plan-rolled-back", "plan/" + plan.id(), Optional.empty());
        ctx.redirect(r.notices().isEmpty() ? "/plans/" + plan.id() + "/board" : "/announcements/"
                + r.notices().get(0).id(), HttpStatus.SEE_OTHER);
    }
}
