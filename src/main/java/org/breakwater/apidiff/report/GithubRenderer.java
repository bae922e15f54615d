package org.breakwater.apidiff.report;

import java.io.IOException;
import org.breakwater.apidiff.spec.Source;

/**
 * GitHub Actions workflow commands: one annotation line per finding ({@code ::error} for
 * breaking, {@code ::warning}, {@code ::notice} for info), pinned to the file, line and column
 * where the change is written, then one plain summary line. Text from the descriptions is
 * escaped the way the Actions runner unescapes it, so a message can never start a new command.
 */
public final class GithubRenderer implements Renderer {
    @Override
    public void render(Report report, Appendable out) throws IOException {
        for (String notice : report.notices()) {
            out.append("::notice title=breakwater::").append(data(notice)).append('\n');
        }
        for (Finding f : report.findings()) {
            out.append("::").append(command(f)).append(properties(f)).append("::").append(data(message(f))).append('\n');
        }
        Summary s = report.summary();
        out.append(String.format("breakwater: %d breaking, %d warning, %d info%s%n", s.breaking(), s.warning(), s.info(),
                report.suppressed().isEmpty() ? "" : " (" + report.suppressed().size() + " ignored)"));
    }

    private static String command(Finding f) {
        switch (f.level()) {
            case BREAKING:
                return "error";
            case WARNING:
                return "warning";
            default:
                return "notice";
        }
    }

    /** {@code file=F,line=L,col=C,title=ID}; the position is left out where it is not known. */
    private static String properties(Finding f) {
        Source s = f.source();
        StringBuilder b = new StringBuilder(" ");
        if (!s.file().isEmpty()) {
            b.append("file=").append(property(s.file())).append(',');
            if (s.line() > 0) {
                b.append("line=").append(s.line()).append(',');
                if (s.column() > 0) {
                    b.append("col=").append(s.column()).append(',');
                }
            }
        }
        return b.append("title=").append(property(f.id())).toString();
    }

    /** "GET /packages: message" (unless the message names the operation), then the JSON pointer on a line of its own. */
    private static String message(Finding f) {
        String op = f.operation();
        String text = op.isEmpty() || f.message().startsWith(op) ? f.message() : op + ": " + f.message();
        return f.location().isEmpty() ? text : text + "\nat " + f.location() + (f.inOld() ? " (old description)" : "");
    }

    /** Escapes a command's message: {@code %}, carriage return and line feed. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value: as {@link #data}, and also {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
