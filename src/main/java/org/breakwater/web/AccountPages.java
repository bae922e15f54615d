package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.FeedToken;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Session;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.Times;

/**
 * {@code /account}: the logged-in user's own page: their feed tokens, to make (shown once, in
 * ready-to-paste feed URLs) and revoke. A user sees and revokes only their own.
 */
final class AccountPages {
    private final AccessService access;
    private final WebAuth auth;
    private final String base;

    AccountPages(AccessService access, WebAuth auth, Optional<String> publicUrl) {
        this.access = access;
        this.auth = auth;
        this.base = publicUrl.orElse("");
    }

    void register(Javalin server) {
        server.get("/account", ctx -> page(ctx, Optional.empty()));
        server.post("/account/feed-tokens", this::create);
        server.post("/account/feed-tokens/{id}/revoke", this::revoke);
    }

    private void page(Context ctx, Optional<String> secret) {
        Optional<Session> s = WebAuth.session(ctx);
        if (s.isEmpty()) {
            ctx.redirect("/login?next=%2Faccount", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        String user = s.get().principal().username();
        Html h = new Html().el("h1", "Your account: " + user);
        h.el("h2", "Feed tokens").el("p", "A feed token lets a calendar or feed reader read the .ics and Atom feeds"
                + " as you when this server needs a login to read, and nothing else. Keep feed URLs with a token"
                + " private; revoke a token you no longer use.");
        secret.ifPresent(t -> shown(h, t));
        h.tag("<table><tr><th>Token</th><th>Made</th><th>Revoked</th><th></th></tr>");
        for (FeedToken t : access.feedTokens()) {
            if (!t.username().equals(user)) {
                continue;
            }
            h.tag("<tr><td>").text("#" + t.id()).tag("</td><td>").text(Times.show(t.createdAt())).tag("</td><td>")
                    .text(t.revokedAt().map(Times::show).orElse("-")).tag("</td><td>");
            if (t.active()) {
                h.tag("<form class=\"inline\" method=\"post\" action=\"/account/feed-tokens/" + t.id() + "/revoke\">")
                        .csrf(s.get().csrf()).tag("<button type=\"submit\">Revoke</button></form>");
            }
            h.tag("</td></tr>");
        }
        h.tag("</table><form method=\"post\" action=\"/account/feed-tokens\">").csrf(s.get().csrf())
                .tag("<button type=\"submit\">Make a feed token</button></form>");
        WebAuth.html(ctx, "Your account", h);
    }

    private void shown(Html h, String secret) {
        h.tag("<p class=\"notice\">").text("Your new feed token, shown this once: " + secret).tag("</p><ul>");
        for (String feed : new String[] {"/calendar.ics", "/feeds/announcements.atom"}) {
            h.tag("<li><code>").text(base + feed + "?" + WebAuth.FEED_TOKEN + "=" + secret).tag("</code></li>");
        }
        h.tag("</ul>");
    }

    private void create(Context ctx) {
        Principal p = auth.formUser(ctx);
        Outcome<AccessService.IssuedFeedToken> made = access.issueFeedToken(p.username(), p.username());
        if (made instanceof Outcome.Refused<AccessService.IssuedFeedToken> r) {
            throw new Problem(403, "Forbidden", r.reason());
        }
        page(ctx, Optional.of(((Outcome.Done<AccessService.IssuedFeedToken>) made).value().secret()));
    }

    private void revoke(Context ctx) {
        Principal p = auth.formUser(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no feed token '" + ctx.pathParam("id") + "'");
        }
        boolean own = access.feedTokens().stream().anyMatch(t -> t.id() == id && t.username().equals(p.username()));
        if (!own || !access.revokeFeedToken(id, p.username())) {
            throw Problem.notFound("you have no active feed token #" + id);
        }
        ctx.redirect("/account", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
