package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.report.HtmlRenderer;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.SpecException;

/**
 * "Compare two specs": upload or paste two API descriptions, get the same report as {@code breakwater
 * diff --format html}. The form carries a CSRF token that must match its cookie (double
 * submit), so another site cannot post it in a visitor's name.
 */
final class ComparePage {
    private static final int MAX_CHARS = 8 * 1024 * 1024;

    private final ApiDiff diff = ServerDiff.engine();
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
        h.el("p", "Upload or paste the description production runs and the candidate's (OpenAPI 3.0, 3.1 or Swagger 2.0,"
                + " JSON or YAML; one file each: references to other files cannot be followed here). An uploaded file"
                + " wins over pasted text.");
        h.tag("<form method=\"post\" action=\"/compare\" enctype=\"multipart/form-data\">").csrf(token)
                .tag("<p><label>Old (production): a file <input type=\"file\" name=\"oldFile\""
                        + " accept=\".json,.yaml,.yml\"></label> or pasted<br><textarea name=\"old\" rows=\"12\""
                        + " cols=\"100\"></textarea></p><p><label>New (candidate): a file <input type=\"file\""
                        + " name=\"newFile\" accept=\".json,.yaml,.yml\"></label> or pasted<br><textarea name=\"new\""
                        + " rows=\"12\" cols=\"100\"></textarea></p><p><button type=\"submit\">Compare</button></p></form>");
        WebAuth.html(ctx, "Compare two API descriptions", h);
    }

    private void compare(Context ctx) {
        WebAuth.checkFormToken(ctx, "/compare");
        ApiSpec a = side(ctx, "old");
        ApiSpec b = side(ctx, "new");
        Report report = ServerDiff.compare(diff, a, b);
        StringBuilder out = new StringBuilder();
        try {
            new HtmlRenderer().render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebAuth.html(ctx, "API changes", inLayout(out.toString()));
    }

    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("([^{}]+)\\{([^}]*)\\}");

    /**
     * The report of {@code breakwater diff --format html} inside the site's layout (header, log
     * in): its body, its own heading dropped for the page's, and its style scoped to the report so
     * it does not restyle the page around it.
     */
    static Html inLayout(String document) {
        String style = between(document, "<style>", "</style>");
        StringBuilder scoped = new StringBuilder();
        java.util.regex.Matcher m = RULE.matcher(style);
        while (m.find()) {
            List<String> selectors = java.util.Arrays.stream(m.group(1).split(",")).map(String::strip)
                    .filter(sel -> !sel.equals("body")).map(sel -> ".diff-report " + sel).toList();
            if (!selectors.isEmpty()) {
                scoped.append(String.join(",", selectors)).append('{').append(m.group(2)).append('}');
            }
        }
        String body = between(document, "<body>", "</body>").replace("<h1>API changes</h1>", "")
                .replace("<header>", "<div class=\"report-head\">").replace("</header>", "</div>")
                .replace("<main>", "<div class=\"report-body\">").replace("</main>", "</div>");
        return new Html().tag("<style>" + scoped.toString().replace("</", "") + "</style><div class=\"diff-report\">")
                .tag(body).tag("</div><p>").link("/compare", "Compare two more").tag("</p>");
    }

    private static String between(String text, String open, String close) {
        int from = text.indexOf(open);
        int to = text.lastIndexOf(close);
        return from < 0 || to < from ? "" : text.substring(from + open.length(), to);
    }

    /** One side: the uploaded file when there is one (named as uploaded), else the pasted text. */
    private ApiSpec side(Context ctx, String name) {
        UploadedFile upload = ctx.isMultipartFormData() ? ctx.uploadedFile(name + "File") : null;
        String text;
        String file;
        if (upload != null && upload.size() > 0) {
            if (upload.size() > MAX_CHARS) {
                throw Problem.badRequest("each description may be at most " + MAX_CHARS / (1024 * 1024) + " MB here");
            }
            try (InputStream in = upload.content()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Problem.badRequest("the uploaded " + name + " file could not be read: " + e.getMessage());
            }
            file = upload.filename().replaceAll("[^A-Za-z0-9._-]", "_");
            if (!file.matches(".*\\.(json|ya?ml)")) {
                file = file + (text.stripLeading().startsWith("{") ? ".json" : ".yaml");
            }
        } else {
            text = ctx.formParam(name);
            if (text == null || text.isBlank()) {
                throw Problem.badRequest("give both descriptions: the " + name + " one is missing");
            }
            if (text.length() > MAX_CHARS) {
                throw Problem.badRequest("each description may be at most " + MAX_CHARS / (1024 * 1024) + " MB here");
            }
            file = name + (text.stripLeading().startsWith("{") ? ".json" : ".yaml");
        }
        return read(text, file, name);
    }

    private ApiSpec read(String text, String file, String name) {
        try {
            return diff.reader().parse(text, file);
        } catch (SpecException e) {
            throw Problem.badRequest("the " + name + " description does not read: " + e.problem());
        }
    }
}
