package org.breakwater.staging.junit;

/** Text kept up to a cap while the rest is only counted; {@link #text()} says how much was cut. */
final class BoundedText {
    private final int cap;
    private final StringBuilder kept = new StringBuilder();
    private long dropped;

    BoundedText(int cap) {
        this.cap = cap;
    }

    void append(char[] chars, int start, int length) {
        int room = cap - kept.length();
        int take = Math.max(0, Math.min(room, length));
        kept.append(chars, start, take);
        dropped += length - take;
    }

    void append(String text) {
        append(text.toCharArray(), 0, text.length());
    }

    boolean isEmpty() {
        return kept.length() == 0 && dropped == 0;
    }

    String text() {
        String s = kept.toString().strip();
        return dropped == 0 ? s : s + "\n[... " + dropped + " more characters not kept]";
    }

    /** The first non-blank line, cut to the cap (a message from a failure's text). */
    static String firstLine(String text, int cap) {
        for (String line : text.split("\n", 50)) {
            if (!line.isBlank()) return cut(line.strip(), cap);
        }
        return "";
    }

    static String cut(String text, int cap) {
        if (text == null) return "";
        return text.length() <= cap ? text : text.substring(0, cap) + " [... " + (text.length() - cap)
                + " more characters not kept]";
    }
}
