package org.breakwater.logs;

/**
 * One event, one line: text a request carried (a path, a file name, an exception message quoting
 * the body) cannot break a line in two or forge another. Control characters, line and paragraph
 * separators and the backslash itself are written as escapes.
 */
public final class LogLines {
    private LogLines() {
    }

    /** {@code text} with every control character escaped ({@code \n}, {@code \r}, {@code \t}, {@code \\}, else {@code \}{@code uXXXX}). */
    public static String clean(String text) {
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
}
