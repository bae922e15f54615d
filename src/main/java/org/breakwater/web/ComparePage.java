package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.HtmlRenderer;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.SpecException;

/**
 * "Compare two specs": paste two API descriptions, get the same report as {@code breakwater
 * diff --format html}. The form carries a CSRF token that must match its cookie (double
 * submit), so another site cannot post it in a visitor's name.
 */
final class ComparePage {
    private static final int MAX_CHARS = 8 * 1024 * 1024;

    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());
    private final WebAuth auth;

    ComparePage(WebAuth auth) {
        this.auth = auth;
    }

    List<String> register(Javalin server) {
        server.get("/compare", this::form);
        server.post("/compare", this::compare);
        return List.of("/compare");
    }

    private void form(Context ctx) {
        String token = auth.formToken(ctx);
        Html h = new Html();
        h.el("p", "Paste the description production runs and the candidate's (OpenAPI 3.0, 3.1 or Swagger 2.0, JSON or"
                + " YAML; one file each: references to other files cannot be followed here).");
        h.tag("<form method=\"post\" action=\"/compare\"><input type=\"hidden\" name=\"csrf\" value=\"").text(token)
                .tag("\"><p><label>Old (production)<br><textarea name=\"old\" rows=\"14\" cols=\"100\" required></textarea>"
                        + "</label></p><p><label>New (candidate)<br><textarea name=\"new\" rows=\"14\" cols=\"100\" required>"
                        + "</textarea></label></p><p><button type=\"submit\">Compare</button></p></form>");
        WebAuth.html(ctx, "Compare two API descriptions", h);
    }

    private void compare(Context ctx) {
        WebAuth.checkFormToken(ctx, "/compare");
        String older = ctx.formParam("old");
        String newer = ctx.formParam("new");
        if (older == null || newer == null || older.isBlank() || newer.isBlank()) {
            throw Problem.badRequest("paste both descriptions");
        }
        if (older.length() > MAX_CHARS || newer.length() > MAX_CHARS) {
            throw Problem.badRequest("each description may be at most " + MAX_CHARS / (1024 * 1024) + " MB here");
        }
        ApiSpec a = read(older, "old");
        ApiSpec b = read(newer, "new");
        Report report = diff.compare(a, b);
        StringBuilder out = new StringBuilder();
        try {
            new HtmlRenderer().render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    private ApiSpec read(String text, String name) {
        String file = name + (text.stripLeading().startsWith("{") ? ".json" : ".yaml");
        try {
            return diff.reader().parse(text, file);
        } catch (SpecException e) {
            throw Problem.badRequest("the " + name + " description does not read: " + e.problem());
        }
    }
}
