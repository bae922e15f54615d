package org.breakwater.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses state-changing form posts another site made a browser send, beside the forms' CSRF
 * tokens (OWASP's CSRF cheat sheet: fetch metadata, then the standard Origin header). A browser's
 * {@code Sec-Fetch-Site} must say same-origin (or none: the user's own doing); without it, an
 * {@code Origin} must be this server's: the public URL's when configured, otherwise the
 * {@code Host} the request was sent to. Requests with neither header (tools, old browsers)
 * pass, and the CSRF token still guards them. The API is left alone: its writes use tokens, never
 * cookies, so another site cannot borrow them.
 */
final class OriginCheck {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN = Set.of("same-origin", "none");

    private final Optional<String> publicOrigin;

    OriginCheck(Network network) {
        this.publicOrigin = network.publicUrl().map(OriginCheck::origin);
    }

    void check(Context ctx) {
        if (SAFE.contains(ctx.method().name()) || ctx.path().startsWith("/api/")) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            if (!OWN.contains(site.strip().toLowerCase(Locale.ROOT))) {
                throw refused("the browser says it came from " + site.strip() + " (Sec-Fetch-Site)");
            }
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !ours(origin.strip(), ctx)) {
            throw refused("it came from " + origin.strip());
        }
    }

    private boolean ours(String origin, Context ctx) {
        if (publicOrigin.isPresent()) {
            return origin.equalsIgnoreCase(publicOrigin.get());
        }
        String authority = origin.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        return !authority.equals(origin) && authority.equalsIgnoreCase(ctx.host());
    }

    private static Problem refused(String why) {
        return new Problem(403, "Forbidden", "this form was sent from another site, so nothing was changed: " + why
                + ". Send it from Breakwater's own page.");
    }

    /** scheme://host[:port] of a URL, the port only when not the scheme's default, as browsers write Origin. */
    static String origin(String url) {
        URI u = URI.create(url);
        int port = u.getPort();
        boolean usual = port == -1 || (u.getScheme().equals("http") && port == 80)
                || (u.getScheme().equals("https") && port == 443);
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                + (usual ? "" : ":" + port);
    }
}
