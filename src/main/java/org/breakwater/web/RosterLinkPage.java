package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.deployday.roster.RosterService;

/**
 * The confirm link of a roster invitation. Opening it only shows what it confirms, with a button
 * (mail scanners that fetch links confirm nothing); the button's post uses the link once. No login
 * needed: the unguessable, single-use token is the proof. A forged, reused or expired link is refused.
 */
final class RosterLinkPage {
    private final RosterService roster;
    private final WebAuth auth;

    RosterLinkPage(RosterService roster, WebAuth auth) {
        this.roster = roster;
        this.auth = auth;
    }

    void register(Javalin server) {
        server.get("/roster/confirm", this::show);
        server.post("/roster/confirm", this::use);
    }

    private void show(Context ctx) {
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        Optional<RosterMember> m = roster.peek(token);
        Html h = new Html();
        if (m.isEmpty()) {
            ctx.status(400);
            h.el("p", "This confirm link is not one Breakwater made, or a newer invitation replaced it.");
        } else {
            h.el("p", m.get().username() + ": confirm that you will be on plan " + m.get().planId() + "'s roster as "
                    + m.get().role().id() + m.get().team().map(t -> " for " + t).orElse("") + " (" + m.get().reason()
                    + ").");
            h.tag("<form method=\"post\" action=\"/roster/confirm\">").tag("<input type=\"hidden\" name=\"csrf\" value=\"")
                    .text(auth.formToken(ctx)).tag("\"><input type=\"hidden\" name=\"token\" value=\"").text(token)
                    .tag("\"><button type=\"submit\">I will be there</button></form>");
        }
        WebAuth.html(ctx, "Roster confirmation", h);
    }

    private void use(Context ctx) {
        WebAuth.checkFormToken(ctx, "the link in your invitation");
        Outcome<RosterMember> o = roster.confirmByLink(Optional.ofNullable(ctx.formParam("token")).orElse(""));
        Html h = new Html();
        if (o instanceof Outcome.Done<RosterMember> d) {
            h.el("p", "Thank you, " + d.value().username() + ": you are confirmed on the roster.")
                    .tag("<p>").link("/plans/" + d.value().planId() + "/board", "The day's board").tag("</p>");
        } else {
            ctx.status(400);
            h.el("p", ((Outcome.Refused<RosterMember>) o).reason());
        }
        WebAuth.html(ctx, "Roster confirmation", h);
    }
}
