package org.breakwater.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a YAML key is written, for messages that point at the key rather than at its value. */
public final class KeyPlaces {
    /** How far above a value its key may be written (comments and blank lines between). */
    private static final int SEARCH_LINES = 50;

    private KeyPlaces() {
    }

    /**
     * The 1-based {line, column} of the nearest {@code key:} before the value at {@code line}:{@code column}
     * in {@code lines}, on its line or above; the value's own place when the key cannot be found.
     */
    public static int[] of(String[] lines, String key, int line, int column) {
        Pattern form = Pattern.compile("(?<![\\w-])([\"']?)" + Pattern.quote(key) + "\\1\\s*:");
        for (int at = Math.min(line, lines.length); at >= 1 && at > line - SEARCH_LINES; at--) {
            String text = lines[at - 1];
            int end = at == line ? Math.min(text.length(), Math.max(0, column - 1)) : text.length();
            Matcher m = form.matcher(text).region(0, end);
            int found = -1;
            while (m.find()) {
                found = m.start();
            }
            if (found >= 0) {
                return new int[] {at, found + 1};
            }
        }
        return new int[] {line, column};
    }
}
