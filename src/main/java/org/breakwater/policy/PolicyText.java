package org.breakwater.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.apidiff.spec.ScalarNode;

/**
 * The text of one policy file and the problems found in it so far. The parsed tree knows
 * where each value starts but not where its key is written; {@link #keyPlace} finds the key
 * in the text, so "unknown key" and "has no" point at the line a reader would edit.
 */
final class PolicyText {

    /** A 1-based line and column. */
    record Place(int line, int column) {
        static Place of(Node node) {
            return new Place(node.line(), node.column());
        }
    }

    private final String file;
    private final String[] lines;
    private final List<Problem> problems = new ArrayList<>();

    PolicyText(String file, String text) {
        this.file = file;
        this.lines = text.split("\r?\n|\r", -1);
    }

    void at(Node node, String message) {
        at(Place.of(node), message);
    }

    void at(Place place, String message) {
        problems.add(new Problem(file, place.line(), place.column(), message));
    }

    /** Problems found so far, in the order they appear in the file. */
    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }

    /**
     * Where {@code key} is written for {@code value}: the nearest {@code key:} before the value,
     * on its line or above; the value's own place when the key cannot be found.
     */
    Place keyPlace(String key, Node value) {
        int[] at = org.breakwater.text.KeyPlaces.of(lines, key, value.line(), value.column());
        return new Place(at[0], at[1]);
    }

    /**
     * Where the character at {@code index} of a one-line scalar's text is written, so a
     * problem with one word of {@code Thursday 18:00 UTC} points at that word; the scalar's
     * own place when the text is not written as is (escapes, block scalars).
     */
    Place within(ScalarNode s, int index) {
        if (index <= 0 || s.line() < 1 || s.line() > lines.length || index >= s.text().length()) {
            return Place.of(s);
        }
        String line = lines[s.line() - 1];
        int start = s.column() - 1;
        if (start < line.length() && (line.charAt(start) == '"' || line.charAt(start) == '\'')) {
            start++;
        }
        int at = start + index;
        if (at < line.length() && line.regionMatches(start, s.text(), 0, index + 1)) {
            return new Place(s.line(), at + 1);
        }
        return Place.of(s);
    }

    /** Control characters of a key or value escaped, so a message stays on one line. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
