package org.breakwater.apidiff.report;

import java.io.IOException;
import org.breakwater.apidiff.rule.Level;

/**
 * JUnit XML, the test-report format CI systems (GitLab, Jenkins, Azure, CircleCI) show in a
 * merge request or build page. One test case per finding: breaking findings fail, warnings and
 * info pass with their text in {@code <system-out>}, ignored findings are skipped. When nothing
 * breaks, a passing "no breaking changes" case keeps the suite from being empty. A truncated
 * report counts the cases it lists and says so in a {@code truncated} property and a note.
 */
public final class JunitRenderer implements Renderer {
    static final String SUITE = "breakwater diff";
    static final String WHOLE_API = "(whole API)";

    @Override
    public void render(Report report, Appendable out) throws IOException {
        Summary s = Summary.of(report.findings());
        int skipped = report.suppressed().size();
        int tests = s.total() + skipped + (s.breaking() == 0 ? 1 : 0);
        String counts = " tests=\"" + tests + "\" failures=\"" + s.breaking() + "\" errors=\"0\" skipped=\""
                + skipped + "\"";
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuites name=\"breakwater\"").append(counts).append(">\n")
                .append("  <testsuite name=\"").append(SUITE).append('"').append(counts).append(" time=\"0\">\n")
                .append("    <properties>\n");
        property("old", report.oldFile(), out);
        property("new", report.newFile(), out);
        property("oldVersion", report.oldVersion(), out);
        property("newVersion", report.newVersion(), out);
        if (report.truncated()) {
            property("truncated", report.truncation().orElseThrow(), out);
        }
        out.append("    </properties>\n");
        if (s.breaking() == 0) {
            out.append("    <testcase classname=\"").append(SUITE).append("\" name=\"no breaking changes\" time=\"0\"/>\n");
        }
        for (Finding f : report.findings()) {
            testcase(f, out);
            if (f.level() == Level.BREAKING) {
                out.append("      <failure message=\"").append(attr(f.message())).append("\" type=\"").append(f.id())
                        .append("\">").append(text(details(f))).append("</failure>\n");
            } else {
                out.append("      <system-out>").append(text("[" + f.level().id() + "] " + details(f)))
                        .append("</system-out>\n");
            }
            out.append("    </testcase>\n");
        }
        for (Suppressed x : report.suppressed()) {
            testcase(x.finding(), out);
            out.append("      <skipped message=\"").append(attr("ignored: " + x.reason())).append("\"/>\n")
                    .append("      <system-out>").append(text("[ignored] " + details(x.finding())))
                    .append("</system-out>\n    </testcase>\n");
        }
        if (!report.notices().isEmpty()) {
            out.append("    <system-out>").append(text("note: " + String.join("\nnote: ", report.notices())))
                    .append("</system-out>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
    }

    private static void testcase(Finding f, Appendable out) throws IOException {
        String classname = f.operation().isEmpty() ? WHOLE_API : f.operation();
        String name = f.location().isEmpty() ? f.id() : f.id() + " " + f.location();
        out.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"").append(attr(name))
                .append("\" time=\"0\">\n");
    }

    private static void property(String name, String value, Appendable out) throws IOException {
        out.append("      <property name=\"").append(name).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    /** The message, where it is written, and what the rule means. */
    private static String details(Finding f) {
        return f.message() + "\nat " + f.source().position() + (f.location().isEmpty() ? "" : " " + f.location())
                + (f.inOld() ? " (old description)" : "") + "\n" + f.id() + ": " + f.rule().explanation();
    }

    /** True for the characters XML 1.0 allows in a document. */
    static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Escaped for element content; carriage returns kept as references so parsers do not fold them. */
    static String text(String s) {
        return escape(s, false);
    }

    /** Escaped for a double-quoted attribute, where line breaks and tabs must be references to survive. */
    static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (cp == '&') {
                b.append("&amp;");
            } else if (cp == '<') {
                b.append("&lt;");
            } else if (cp == '>') {
                b.append("&gt;");
            } else if (cp == '"' && attribute) {
                b.append("&quot;");
            } else if (cp == '\r') {
                b.append("&#13;");
            } else if ((cp == '\n' || cp == '\t') && attribute) {
                b.append("&#").append(cp).append(';');
            } else if (allowedInXml(cp)) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
