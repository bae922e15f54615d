package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Session;
import org.breakwater.auth.oidc.LoginRedirect;
import org.breakwater.auth.oidc.OidcClient;
import org.breakwater.auth.oidc.OidcException;
import org.breakwater.auth.oidc.OidcIdentity;
import org.breakwater.auth.oidc.PendingLogin;

/**
 * Logins and who is asking. A browser logs in at {@code /login} (a local account) or through
 * {@code /login/oidc} (an OpenID provider, when configured) and gets a session cookie
 * (HttpOnly, SameSite=Lax, Secure when configured); every form a logged-in user posts carries
 * the session's CSRF token, checked here. Forms anyone may post (the login form, the compare
 * page) carry a double-submit token instead: a random value in a cookie and in the form, which
 * another site can neither read nor set. API writes use tokens ({@link WriteRoutes}); when reading
 * needs a login, API reads accept a token or a session.
 */
final class WebAuth {
    static final String SESSION_COOKIE = "bw_session";
    static final String FORM_COOKIE = "bw_csrf";
    private static final String SESSION = "bw.session";

    static final String OIDC_COOKIE = "bw_oidc";
    /** The query parameter that carries a feed token. */
    static final String FEED_TOKEN = "token";
    /** The feeds a feed token opens: the calendar and the announcement feeds. */
    private static final java.util.regex.Pattern FEEDS = java.util.regex.Pattern.compile(
            "/calendar\\.ics|/feeds/announcements\\.atom|/services/[^/]+/announcements\\.atom");

    private final AccessService access;
    private final WebSettings settings;
    private final Optional<OidcClient> oidc;
    private final SecureRandom random = new SecureRandom();

    WebAuth(AccessService access, WebSettings settings) {
        this.access = access;
        this.settings = settings;
        this.oidc = settings.oidc().map(o -> new OidcClient(o, Clock.systemUTC()));
    }

    void register(Javalin server) {
        server.before(this::identify);
        server.before(new OriginCheck(settings.network())::check);
        server.after(ctx -> {
            if (!ctx.res().getHeaders("Set-Cookie").isEmpty()) {
                ctx.header("Cache-Control", "no-store"); // an answer that sets a cookie is someone's own
            }
        });
        server.get("/login", this::loginForm);
        server.post("/login", this::login);
        server.post("/logout", this::logout);
        new AccountPages(access, this, settings.network().publicUrl()).register(server);
        if (oidc.isPresent()) {
            server.get("/login/oidc", this::oidcBegin);
            server.get("/login/oidc/callback", this::oidcCallback);
        }
    }

    /** The visitor's session, if logged in (set for every request before its handler runs). */
    static Optional<Session> session(Context ctx) {
        Optional<Session> s = ctx.attribute(SESSION);
        return s == null ? Optional.empty() : s;
    }

    /** Pages: the layout with this visitor's name and log-out button, or a log-in link. */
    static void html(Context ctx, String title, Html body) {
        html(ctx, Html.page(title, body, session(ctx)));
    }

    /** A whole page, made already. */
    static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private void identify(Context ctx) {
        Optional<Session> session = access.session(ctx.cookie(SESSION_COOKIE));
        ctx.attribute(SESSION, session);
        boolean personal = session.isPresent() || settings.loginRequiredToRead() || ctx.header("Authorization") != null
                || ctx.queryParam(FEED_TOKEN) != null;
        // no static files here: every answer is made per request; a personal one is never kept
        ctx.header("Cache-Control", personal ? "no-store" : "no-cache");
        ctx.header("Vary", "Cookie");
        if (!settings.loginRequiredToRead() || session.isPresent() || open(ctx.path()) || feedReader(ctx)) {
            return;
        }
        if (ctx.path().startsWith("/api/")) {
            String header = ctx.header("Authorization");
            if (header != null && header.startsWith("Bearer ") && access.authenticate(header.substring(7).strip()).isPresent()) {
                return;
            }
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Problem(401, "Unauthorized", "reading needs a login here: send an API token"
                    + " (Authorization: Bearer TOKEN) or log in at /login");
        }
        boolean secret = ctx.queryParam(FEED_TOKEN) != null; // a token in the URL is not carried on
        ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path()
                + (ctx.queryString() == null || secret ? "" : "?" + ctx.queryString()), StandardCharsets.UTF_8),
                io.javalin.http.HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    /** A calendar or feed reader with a live feed token ({@code ?token=}), reading a feed: feeds only, and only reading. */
    private boolean feedReader(Context ctx) {
        String token = ctx.queryParam(FEED_TOKEN);
        return token != null && (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD"))
                && FEEDS.matcher(ctx.path()).matches() && access.feedReader(token).isPresent();
    }

    /** The client's address: the peer's, or what a trusted proxy says it is. */
    private String client(Context ctx) {
        return settings.network().client(ctx.ip(), java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** A new login in a browser that still holds another session ends that one on the server. */
    private void endEarlierSession(Context ctx) {
        String earlier = ctx.cookie(SESSION_COOKIE);
        if (earlier != null && !earlier.isEmpty()) {
            access.logout(earlier);
        }
    }

    /** What anyone may see even when reading needs a login: the probes, the login itself, Breakwater's API description. */
    private static boolean open(String path) {
        return path.equals("/healthz") || path.equals("/metrics") || path.equals("/login") || path.equals("/logout")
                || path.startsWith("/login/") || path.equals("/api/v1/openapi.json")
                || path.equals("/roster/confirm"); // a roster invitation's link: its single-use token is the proof
    }

    /**
     * The logged-in user posting a form, once its CSRF token is checked; a visitor who is not
     * logged in is sent to the login page and nothing happens.
     */
    Principal formUser(Context ctx) {
        Optional<Session> s = session(ctx);
        if (s.isEmpty()) {
            throw new Problem(401, "Log in first", "log in to change anything (your session may have ended)");
        }
        String sent = ctx.formParam("csrf");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                s.get().csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(403, "Forbidden", "the form's security token is missing or stale: reload the page and"
                    + " send it again");
        }
        return s.get().principal();
    }

    /** A double-submit token for a form anyone may post: set in a cookie, to be put in the form. */
    String formToken(Context ctx) {
        String existing = ctx.cookie(FORM_COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{32}")) {
            return existing;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.res().addHeader("Set-Cookie", FORM_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (settings.secureCookies() ? "; Secure" : ""));
        return token;
    }

    /** Checks a form anyone may post against its double-submit cookie. */
    static void checkFormToken(Context ctx, String reopen) {
        String cookie = ctx.cookie(FORM_COOKIE);
        String sent = ctx.formParam("csrf");
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(403, "Forbidden", "the form's security token is missing or stale: open " + reopen
                    + " again");
        }
    }

    /** Only a path on this server, so a crafted link cannot send someone elsewhere after logging in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private void loginForm(Context ctx) {
        loginPage(ctx, safeNext(ctx.queryParam("next")), Optional.empty(), 200);
    }

    private void loginPage(Context ctx, String next, Optional<String> problem, int status) {
        String token = formToken(ctx);
        Html h = new Html();
        problem.ifPresent(p -> h.tag("<p class=\"failed\">").text(p).tag("</p>"));
        settings.loginHint().ifPresent(hint -> h.tag("<p class=\"notice\">").text(hint).tag("</p>"));
        if (oidc.isPresent()) {
            h.tag("<p>").link("/login/oidc?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    "Log in with single sign-on (" + settings.oidc().get().issuer().getHost() + ")")
                    .tag("</p><p>or with a Breakwater account:</p>");
        }
        h.tag("<form method=\"post\" action=\"/login\">").csrf(token)
                .tag("<input type=\"hidden\" name=\"next\" value=\"").text(next).tag("\">")
                .tag("<p><label>User name<br><input name=\"username\" autocomplete=\"username\" required autofocus>"
                        + "</label></p><p><label>Password<br><input name=\"password\" type=\"password\""
                        + " autocomplete=\"current-password\" required></label></p>"
                        + "<p><button type=\"submit\">Log in</button></p></form>");
        ctx.status(status);
        html(ctx, "Log in", h);
    }

    private void login(Context ctx) {
        checkFormToken(ctx, "/login");
        String next = safeNext(ctx.formParam("next"));
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (username.isEmpty() || password.isEmpty() || username.length() > 100 || password.length() > 1000) {
            loginPage(ctx, next, Optional.of("Give your user name and password."), 400);
            return;
        }
        AccessService.Login result = access.login(username, password, client(ctx));
        if (result instanceof AccessService.Throttled t) {
            ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
            loginPage(ctx, next, Optional.of("Too many failed logins: try again in "
                    + Math.max(1, (t.retryAfter().toSeconds() + 59) / 60) + " minute(s)."), 429);
            return;
        }
        if (result instanceof AccessService.Refused r) {
            loginPage(ctx, next, Optional.of("Wrong user name or password."), 401);
            return;
        }
        AccessService.LoggedIn in = (AccessService.LoggedIn) result;
        endEarlierSession(ctx);
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + in.secret() + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
                + AccessService.SESSION_LENGTH.toSeconds() + (settings.secureCookies() ? "; Secure" : ""));
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        formUser(ctx);
        access.logout(ctx.cookie(SESSION_COOKIE));
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
                + (settings.secureCookies() ? "; Secure" : ""));
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Single sign-on, step 1: remember the login's secrets in a short-lived cookie and send the browser to the provider. */
    private void oidcBegin(Context ctx) {
        LoginRedirect redirect;
        try {
            redirect = oidc.orElseThrow().begin();
        } catch (OidcException e) {
            throw new Problem(502, "Single sign-on is unavailable", e.getMessage());
        }
        PendingLogin p = redirect.pending();
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", p.state(), p.nonce(),
                p.codeVerifier(), safeNext(ctx.queryParam("next"))).getBytes(StandardCharsets.UTF_8));
        ctx.res().addHeader("Set-Cookie", OIDC_COOKIE + "=" + value + "; Path=/login/oidc; HttpOnly; SameSite=Lax;"
                + " Max-Age=600" + (settings.secureCookies() ? "; Secure" : ""));
        ctx.redirect(redirect.authorizationUri().toString(), io.javalin.http.HttpStatus.FOUND);
    }

    /**
     * Single sign-on, step 2: the provider sends the browser back with a code; the ID token it
     * is exchanged for names the user. A local account of that name, when there is one, decides
     * the role (and a disabled one refuses the login); otherwise the provider's groups do.
     */
    private void oidcCallback(Context ctx) {
        ctx.res().addHeader("Set-Cookie", OIDC_COOKIE + "=; Path=/login/oidc; HttpOnly; SameSite=Lax; Max-Age=0"
                + (settings.secureCookies() ? "; Secure" : ""));
        if (ctx.queryParam("error") != null) {
            throw new Problem(401, "Single sign-on refused", "the identity provider answered " + ctx.queryParam("error")
                    + Optional.ofNullable(ctx.queryParam("error_description")).map(d -> ": " + d).orElse(""));
        }
        String[] kept;
        try {
            kept = new String(Base64.getUrlDecoder().decode(Optional.ofNullable(ctx.cookie(OIDC_COOKIE)).orElse("")),
                    StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            kept = new String[0];
        }
        if (kept.length != 4 || kept[0].isEmpty()) {
            throw new Problem(401, "Log in again", "this single sign-on took too long or began in another browser:"
                    + " log in again");
        }
        OidcIdentity identity;
        try {
            identity = oidc.orElseThrow().finish(Optional.ofNullable(ctx.queryParam("code")).orElse(""),
                    Optional.ofNullable(ctx.queryParam("state")).orElse(""), new PendingLogin(kept[0], kept[1], kept[2]));
        } catch (OidcException e) {
            throw new Problem(401, "Single sign-on refused", e.getMessage());
        }
        Principal principal = identity.principal();
        Optional<org.breakwater.auth.Account> account = access.account(identity.username());
        if (account.isPresent()) {
            if (!account.get().active()) {
                throw new Problem(403, "Forbidden", "the Breakwater account " + identity.username() + " is disabled");
            }
            principal = account.get().principal();
        }
        AccessService.LoggedIn in = access.startSession(principal, "login-oidc", "through "
                + settings.oidc().orElseThrow().issuer() + " as " + identity.subject());
        endEarlierSession(ctx);
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + in.secret() + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
                + AccessService.SESSION_LENGTH.toSeconds() + (settings.secureCookies() ? "; Secure" : ""));
        ctx.redirect(safeNext(kept[3]), io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
