package org.breakwater.apidiff.spec;

import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * The YAML 1.2 escapes that snakeyaml-engine's scanner refuses: {@code \P} (paragraph
 * separator, U+2029), {@code \L} (line separator, U+2028) and a backslash before a tab (a
 * tab). Before the scanner runs, the backslash of each is replaced by {@link #MARK}, a
 * Unicode noncharacter, so the escape keeps its width and every line and column stays
 * where it was; after, {@link #restore} turns the mark back into what the escape means in a
 * double-quoted scalar, and into the backslash it was everywhere else (in plain, single-quoted
 * and block scalars a backslash is an ordinary character). See docs/decisions/0008-yaml-escapes-and-linear-reading.md.
 */
final class YamlEscapes {
    /** U+FDD0, a noncharacter: never meaningful in interchanged text. */
    static final char MARK = '\uFDD0';

    private YamlEscapes() {
    }

    /**
     * {@code text} with the backslash of every {@code \P}, {@code \L} and backslash-tab replaced
     * by {@link #MARK}; {@code text} itself when there is none, or when the text already holds
     * the mark (literally or as a {@code \uFDD0} escape), so a mark read back is always ours.
     */
    static String mark(String text) {
        int first = firstEscape(text, 0);
        if (first < 0 || holdsMark(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int at = first; at >= 0; at = firstEscape(text, at + 2)) {
            chars[at] = MARK;
        }
        return new String(chars);
    }

    /** The index of the next backslash at or after {@code from} that escapes P, L or a tab, or -1. */
    private static int firstEscape(String text, int from) {
        int run = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                run++;
                continue;
            }
            if (run % 2 == 1 && (c == 'P' || c == 'L' || c == '\t')) {
                return i - 1;
            }
            run = 0;
        }
        return -1;
    }

    private static boolean holdsMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == MARK) {
                return true;
            }
            if ((c == 'd' || c == 'D') && text.regionMatches(true, i - 2, "FDD0", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** A scalar's value as read, with each mark turned back into what its escape means in {@code style}. */
    static String restore(String value, ScalarStyle style) {
        if (value.indexOf(MARK) < 0) {
            return value;
        }
        if (style != ScalarStyle.DOUBLE_QUOTED) {
            return restore(value);
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != MARK) {
                b.append(c);
                continue;
            }
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            if (next == 'P' || next == 'L' || next == '\t') {
                b.append(next == 'P' ? '\u2029' : next == 'L' ? '\u2028' : '\t');
                i++;
            } else {
                // an escaped tab before a line break: the scanner took the tab for trailing
                // white space and dropped it, but an escaped tab is content
                b.append('\t');
            }
        }
        return b.toString();
    }

    /** Text outside double-quoted scalars (anchors, messages): each mark is the backslash it replaced. */
    static String restore(String text) {
        return text.indexOf(MARK) < 0 ? text : text.replace(MARK, '\\');
    }
}
