package org.breakwater.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills text into lines of a given width, breaking only at spaces: a word, a path or a URL is
 * never cut (one longer than the line stays whole on a line of its own). Lines are joined into
 * paragraphs first; a blank line ends a paragraph, and an indented line (an example) stays a line
 * of its own, its continuation indented four more.
 */
final class Reflow {
    /** An indented line that is an example command (or the continuation of one). */
    private static final Pattern COMMAND = Pattern.compile("(breakwater |--|printf |[A-Z_]+=\\S* breakwater )");
    /** Where an example's comment or remark begins: " # ..." or a parenthesis after two spaces. */
    private static final Pattern REMARK = Pattern.compile(" +#(?=\\s)|  +\\((?=[^)]*\\)$)");

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
                    if (COMMAND.matcher(line.strip()).lookingAt()) {
                        command(line.strip(), indent, width, out);
                    } else {
                        wrap(line.strip(), indent, indent + "    ", width, out);
                    }
                }
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        flush(paragraph, "", width, out);
        return out;
    }

    /**
     * An example command too wide for the line: wrapped with a shell continuation ({@code \\}) at
     * the end of each line but the last, so that it still copies and pastes as one command; its
     * comment ({@code # ...}) or remark ({@code (...)}) follows on a line of its own.
     */
    private static void command(String text, String indent, int width, List<String> out) {
        Matcher remark = REMARK.matcher(text);
        String code = remark.find() ? text.substring(0, remark.start()).strip() : text;
        String note = code.length() < text.length() ? text.substring(remark.start()).strip() : "";
        boolean continues = code.endsWith(" \\");
        code = continues ? code.substring(0, code.length() - 2).strip() : code;
        List<String> lines = new ArrayList<>();
        wrap(shellWords(code), indent, indent + "    ", width - 2, lines);
        for (int i = 0; i < lines.size(); i++) {
            out.add(lines.get(i) + (i < lines.size() - 1 || continues ? " \\" : ""));
        }
        if (!note.isEmpty()) {
            wrap(note, indent + "    ", indent + "    " + (note.startsWith("#") ? "# " : " "), width, out);
        }
    }

    private static void flush(StringBuilder paragraph, String indent, int width, List<String> out) {
        if (paragraph.length() > 0) {
            wrap(paragraph.toString(), indent, indent, width, out);
            paragraph.setLength(0);
        }
    }

    /** The command's words as the shell sees them: a quoted argument with spaces in it is one word, never broken. */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (c == ' ' && quote == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            quote = quote == 0 && (c == '\'' || c == '"') ? c : c == quote ? 0 : quote;
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** Wraps one paragraph at spaces: the first line after {@code first}, the rest after {@code rest}. */
    static void wrap(String text, String first, String rest, int width, List<String> out) {
        wrap(List.of(text.strip().split(" +")), first, rest, width, out);
    }

    private static void wrap(List<String> words, String first, String rest, int width, List<String> out) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : words) {
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
