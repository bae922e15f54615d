package org.breakwater.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills text into lines of a given width, breaking only at spaces: a word, a path or a URL is
 * never cut (one longer than the line stays whole on a line of its own). Lines are joined into
 * paragraphs first; a blank line ends a paragraph, and an indented line (an example) stays a line
 * of its own, its continuation indented four more.
 */
final class Reflow {
    private Reflow() {
    }

    static List<String> fill(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                flush(paragraph, "", width, out);
                if (line.isBlank()) {
                    out.add("");
                } else if (line.stripTrailing().length() <= width) {
                    out.add(line.stripTrailing());
                } else {
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    wrap(line.strip(), indent, indent + "    ", width, out);
                }
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        flush(paragraph, "", width, out);
        return out;
    }

    private static void flush(StringBuilder paragraph, String indent, int width, List<String> out) {
        if (paragraph.length() > 0) {
            wrap(paragraph.toString(), indent, indent, width, out);
            paragraph.setLength(0);
        }
    }

    /** Wraps one paragraph at spaces: the first line after {@code first}, the rest after {@code rest}. */
    static void wrap(String text, String first, String rest, int width, List<String> out) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.strip().split(" +")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.add(line.toString());
    }
}
