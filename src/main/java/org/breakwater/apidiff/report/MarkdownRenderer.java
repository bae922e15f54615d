package org.breakwater.apidiff.report;

import java.io.IOException;
import java.util.List;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.Source;

/**
 * For a merge-request comment (GitLab, GitHub): a headline with the counts, then one table
 * per level, breaking first and info folded away in {@code <details>}. Every piece of text
 * taken from the descriptions is escaped so it cannot break the table or inject markup.
 * A comment has a size limit (65,536 characters on GitHub), so rows stop at a budget —
 * breaking ones first, as they come first — and the rest are counted, not listed.
 */
public final class MarkdownRenderer implements Renderer {
    /** Below GitHub's 65,536-character comment limit, with room for the closing lines. */
    public static final int DEFAULT_MAX_CHARS = 60_000;
    private static final String TABLE_HEAD = "| Operation | Change | Rule | Where |\n| --- | --- | --- | --- |\n";

    private final int maxChars;

    public MarkdownRenderer() {
        this(DEFAULT_MAX_CHARS);
    }

    public MarkdownRenderer(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void render(Report report, Appendable target) throws IOException {
        StringBuilder out = new StringBuilder();
        Summary s = report.summary();
        out.append("### Breakwater API diff\n\n");
        out.append(code(report.oldFile())).append(version(report.oldVersion())).append(" → ")
                .append(code(report.newFile())).append(version(report.newVersion())).append("\n\n");
        out.append(headline(s, report.suppressed().size())).append("\n\n");
        for (String notice : report.notices()) {
            out.append("> **Note:** ").append(cell(notice)).append("\n\n");
        }
        if (s.total() == 0) {
            out.append("No changes found.\n");
        }
        for (Level level : Level.values()) {
            List<Finding> findings = report.findings().stream().filter(f -> f.level() == level)
                    .toList();
            if (!findings.isEmpty()) {
                section(level, findings, out);
            }
        }
        if (!report.suppressed().isEmpty()) {
            ignored(report.suppressed(), out);
        }
        target.append(out);
    }

    /** "**2 breaking**, 1 warning, 5 info (3 ignored)": bold only when something breaks. */
    static String headline(Summary s, int ignored) {
        String breaking = s.breaking() > 0 ? "**" + s.breaking() + " breaking**" : "0 breaking";
        String warning = s.warning() == 1 ? "1 warning" : s.warning() + " warnings";
        return breaking + ", " + warning + ", " + s.info() + " info"
                + (ignored > 0 ? " (" + ignored + " ignored)" : "");
    }

    private void section(Level level, List<Finding> findings, StringBuilder out) {
        String title = level.title() + " (" + findings.size() + ")";
        boolean folded = level == Level.INFO;
        if (folded) {
            out.append("<details>\n<summary>").append(title).append("</summary>\n\n");
        } else {
            out.append("#### ").append(title).append("\n\n");
        }
        out.append(TABLE_HEAD);
        int shown = 0;
        for (Finding f : findings) {
            String row = "| " + cell(operation(f)) + " | " + cell(f.message()) + " | `" + f.id() + "` | "
                    + cell(where(f.source())) + " |\n";
            if (out.length() + row.length() > maxChars) {
                break;
            }
            out.append(row);
            shown++;
        }
        if (shown < findings.size()) {
            out.append("\n… and ").append(findings.size() - shown).append(" more ").append(level.title().toLowerCase(java.util.Locale.ROOT))
                    .append(" findings, too many for one comment: the `html` or `json` format lists them all.\n");
        }
        out.append(folded ? "\n</details>\n\n" : "\n");
    }

    private void ignored(List<Suppressed> suppressed, StringBuilder out) {
        out.append("<details>\n<summary>Ignored (").append(String.valueOf(suppressed.size()))
                .append(")</summary>\n\n| Operation | Change | Rule | Reason |\n| --- | --- | --- | --- |\n");
        int shown = 0;
        for (Suppressed x : suppressed) {
            Finding f = x.finding();
            String row = "| " + cell(operation(f)) + " | " + cell(f.message()) + " | `" + f.id() + "` | "
                    + cell(x.reason()) + " |\n";
            if (out.length() + row.length() > maxChars) {
                break;
            }
            out.append(row);
            shown++;
        }
        if (shown < suppressed.size()) {
            out.append("\n… and ").append(suppressed.size() - shown).append(" more.\n");
        }
        out.append("\n</details>\n");
    }


    private static String operation(Finding f) {
        return f.operation().isEmpty() ? "(whole API)" : f.operation();
    }

    /** {@code file:line}, or the file alone when the line is unknown. */
    private static String where(Source source) {
        return source.line() > 0 ? source.file() + ":" + source.line() : source.file();
    }

    private static String version(String v) {
        return v == null || v.isEmpty() ? "" : " (" + cell(v) + ")";
    }

    /** A file name shown as code; backticks in it would end the span, so they are replaced. */
    private static String code(String file) {
        String s = file == null ? "" : file.replace('`', '\'').replaceAll("[\\r\\n]+", " ");
        return s.isEmpty() ? "(unnamed)" : "`" + s + "`";
    }

    /**
     * Text safe inside a table cell: pipes, backticks and Markdown's emphasis and link marks are
     * backslash-escaped, {@code < > &} become entities and line breaks become {@code <br>}.
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\': case '|': case '`': case '*': case '_': case '[': case ']': case '~':
                    b.append('\\').append(c);
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '\r':
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    b.append("<br>");
                    break;
                case '\n':
                    b.append("<br>");
                    break;
                default:
                    b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.toString();
    }
}
