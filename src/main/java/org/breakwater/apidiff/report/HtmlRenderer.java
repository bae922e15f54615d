package org.breakwater.apidiff.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Rule;

/**
 * One self-contained page to attach to a build or mail to a team: inline CSS, no scripts, no
 * external resources. Findings are grouped by level, then by operation; info is folded in a
 * {@code <details>}. Everything taken from the descriptions is escaped. The markup is also
 * well-formed XML (void elements are self-closed), so tools can parse it back.
 */
public final class HtmlRenderer implements Renderer {
    private static final String STYLE = String.join("\n",
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;"
                    + "padding:0 1rem;color:#1f2328;background:#fff}",
            "h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}",
            "h3{font-size:1rem;margin:1.25rem 0 .25rem}code{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}",
            ".files{color:#59636e;margin:0 0 1rem}.files code{overflow-wrap:anywhere}",
            ".badge{display:inline-block;padding:.15rem .6rem;border-radius:1rem;font-weight:600;color:#fff;"
                    + "margin-right:.4rem}",
            ".badge.breaking{background:#b42318}.badge.warning{background:#9a6700}",
            ".badge.info{background:#0969da}.badge.ignored{background:#6e7781}",
            "section.breaking>h2{color:#b42318}section.warning>h2{color:#9a6700}section.info summary{color:#0969da}",
            "summary{cursor:pointer;font-size:1.2rem;font-weight:600;margin:2rem 0 .5rem}",
            "ul.findings{list-style:none;padding:0;margin:0}",
            "ul.findings>li{border-left:4px solid #d0d7de;padding:.35rem .75rem;margin:.4rem 0;background:#f6f8fa}",
            "section.breaking li{border-color:#b42318}section.warning li{border-color:#9a6700}",
            "section.info li{border-color:#0969da}",
            ".message{margin:0}.meta{margin:.2rem 0 0;color:#59636e;font-size:13px}",
            ".meta code{overflow-wrap:anywhere}.rule{font-weight:600;color:#1f2328}",
            ".notice{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .75rem;margin:.5rem 0}",
            "dl.rules dt{font-weight:600;margin-top:.5rem}dl.rules dd{margin:0 0 0 1.5rem;color:#59636e}",
            "table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}");

    @Override
    public void render(Report report, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>Breakwater diff: ").append(esc(report.oldFile())).append(" → ")
                .append(esc(report.newFile())).append("</title>\n<style>\n").append(STYLE).append("\n</style>\n")
                .append("</head>\n<body>\n");
        header(report, out);
        out.append("<main>\n");
        for (String notice : report.notices()) {
            out.append("<p class=\"notice\"><strong>Note:</strong> ").append(esc(notice)).append("</p>\n");
        }
        if (report.findings().isEmpty()) {
            out.append("<p>No changes found.</p>\n");
        }
        for (Level level : Level.values()) {
            level(level, report.findings(), out);
        }
        ignored(report.suppressed(), out);
        rules(report, out);
        out.append("</main>\n</body>\n</html>\n");
    }

    /** Both files with their versions, and a colored badge per count. */
    private static void header(Report report, Appendable out) throws IOException {
        Summary s = report.summary();
        out.append("<header>\n<h1>API changes</h1>\n<p class=\"files\"><code>")
                .append(esc(report.oldFile())).append("</code>").append(version(report.oldVersion()))
                .append(" → <code>").append(esc(report.newFile())).append("</code>")
                .append(version(report.newVersion())).append("</p>\n<p class=\"summary\">")
                .append(badge("breaking", s.breaking() + " breaking"))
                .append(badge("warning", s.warning() + " warning"))
                .append(badge("info", s.info() + " info"));
        if (!report.suppressed().isEmpty()) {
            out.append(badge("ignored", report.suppressed().size() + " ignored"));
        }
        out.append("</p>\n</header>\n");
    }

    private static void level(Level level, List<Finding> all, Appendable out) throws IOException {
        Map<String, List<Finding>> byOperation = new LinkedHashMap<>();
        int count = 0;
        for (Finding f : all) {
            if (f.level() == level) {
                byOperation.computeIfAbsent(operation(f), k -> new ArrayList<>()).add(f);
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        String title = level.title() + " (" + count + ")";
        out.append("<section class=\"").append(level.id()).append("\" id=\"").append(level.id()).append("\">\n");
        boolean folded = level == Level.INFO;
        out.append(folded ? "<details>\n<summary>" + title + "</summary>\n" : "<h2>" + title + "</h2>\n");
        for (Map.Entry<String, List<Finding>> e : byOperation.entrySet()) {
            out.append("<h3><code>").append(esc(e.getKey())).append("</code></h3>\n<ul class=\"findings\">\n");
            for (Finding f : e.getValue()) {
                finding(f, out);
            }
            out.append("</ul>\n");
        }
        out.append(folded ? "</details>\n</section>\n" : "</section>\n");
    }

    private static void finding(Finding f, Appendable out) throws IOException {
        out.append("<li>\n<p class=\"message\">").append(esc(f.message())).append("</p>\n")
                .append("<p class=\"meta\"><a class=\"rule\" href=\"#rule-").append(f.id()).append("\" title=\"")
                .append(esc(f.rule().explanation())).append("\">").append(f.id()).append("</a> · ")
                .append("at <code>").append(esc(f.source().position())).append("</code>")
                .append(f.inOld() ? " (old description)" : "");
        if (!f.location().isEmpty()) {
            out.append(" <code>").append(esc(f.location())).append("</code>");
        }
        out.append("</p>\n</li>\n");
    }

    private static void ignored(List<Suppressed> suppressed, Appendable out) throws IOException {
        if (suppressed.isEmpty()) {
            return;
        }
        out.append("<section class=\"ignored\" id=\"ignored\">\n<h2>Ignored (").append(String.valueOf(suppressed.size()))
                .append(")</h2>\n<table>\n<tr><th>Operation</th><th>Change</th><th>Rule</th><th>Reason</th></tr>\n");
        for (Suppressed x : suppressed) {
            Finding f = x.finding();
            out.append("<tr><td><code>").append(esc(operation(f))).append("</code></td><td>").append(esc(f.message()))
                    .append("</td><td><a href=\"#rule-").append(f.id()).append("\">").append(f.id())
                    .append("</a></td><td>").append(esc(x.reason())).append("</td></tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    /** A glossary of the rules the report uses, so each explanation is readable without hovering. */
    private static void rules(Report report, Appendable out) throws IOException {
        Map<String, Rule> used = new LinkedHashMap<>();
        report.findings().forEach(f -> used.putIfAbsent(f.id(), f.rule()));
        report.suppressed().forEach(x -> used.putIfAbsent(x.finding().id(), x.finding().rule()));
        if (used.isEmpty()) {
            return;
        }
        out.append("<section class=\"rules\" id=\"rules\">\n<h2>Rules</h2>\n<dl class=\"rules\">\n");
        for (Rule r : used.values()) {
            out.append("<dt id=\"rule-").append(r.id()).append("\"><code>").append(r.id()).append("</code> (")
                    .append(r.level().id()).append(")</dt>\n<dd>").append(esc(r.explanation()));
            if (r.example() != null && !r.example().isEmpty()) {
                out.append(" <br />Example: <code>").append(esc(r.example())).append("</code>");
            }
            out.append("</dd>\n");
        }
        out.append("</dl>\n</section>\n");
    }


    private static String badge(String kind, String text) {
        return "<span class=\"badge " + kind + "\">" + text + "</span>";
    }

    private static String operation(Finding f) {
        return f.operation().isEmpty() ? "(whole API)" : f.operation();
    }

    private static String version(String v) {
        return v == null || v.isEmpty() ? "" : " (" + esc(v) + ")";
    }

    /**
     * Text safe in element content and in quoted attributes. Characters that are not allowed in
     * a document at all (most control characters, lone surrogates) are dropped.
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    if (allowedInDocument(cp)) {
                        b.appendCodePoint(cp);
                    }
            }
        });
        return b.toString();
    }

    /** Control characters other than tab and line breaks, lone surrogates and U+FFFE/U+FFFF are dropped. */
    private static boolean allowedInDocument(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        return !Character.isISOControl(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    }
}
