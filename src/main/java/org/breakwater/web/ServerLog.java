package org.breakwater.web;

import java.io.PrintWriter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server's log: one line per event, written whole. Every line goes through {@link #clean},
 * so text a request carried (a path, a file name, an exception message quoting the body) cannot
 * break a line in two or forge another: control characters, line and paragraph separators and
 * the backslash itself are written as escapes.
 */
final class ServerLog {
    private final PrintWriter out;

    ServerLog(PrintWriter out) {
        this.out = out;
    }

    /** Writes {@code line}, escaped, as one line of the log. */
    void line(String line) {
        String clean = clean(line);
        synchronized (out) {
            out.println(clean);
            out.flush();
        }
    }

    /** {@code text} with every control character escaped ({@code \n}, {@code \r}, {@code \t}, {@code \\}, else {@code \}{@code uXXXX}). */
    static String clean(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (escape != null) {
                    b.append(escape);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\':
                return "\\\\";
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }

    /** A new id for one incident, shown to the client and written in the log line that says what happened. */
    static String incidentId() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }
}
