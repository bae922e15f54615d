package org.breakwater.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help that wraps at spaces only. picocli wraps text with the JDK's line {@code BreakIterator},
 * which also breaks after '.' and '/' ({@code https://fedorahosted.\norg}, {@code ~/.\nlocal}); here
 * every description (of the command, its footer, each option and parameter) is filled into lines
 * that fit the column first ({@link Reflow}), so picocli never has to break one.
 */
final class ReflowingHelp extends Help {
    /** The longest summary of a command in a list of commands: two lines of the list at 80 columns. */
    static final int SUMMARY = 110;

    ReflowingHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                      ColorScheme scheme) {
        Layout plain = super.createDefaultLayout(options, positionals, scheme);
        List<String> wholeWords = new ArrayList<>();
        return new Layout(scheme, plain.textTable(), plain.optionRenderer(), plain.parameterRenderer()) {
            @Override
            public void layout(ArgSpec arg, Text[][] rows) {
                super.layout(arg, refill(rows, textTable(), scheme, wholeWords));
            }

            @Override
            public String toString() {
                String table = super.toString();
                for (int i = 0; i < wholeWords.size(); i++) {
                    table = table.replace(placeholder(i), wholeWords.get(i));
                }
                return table;
            }
        };
    }

    /**
     * Stands in the table for a word longer than the description column: picocli would cut the
     * word itself at its column's width, so it lays out this short one instead, and the word is
     * put back whole afterwards (on a line of its own, wider than the rest).
     */
    private static String placeholder(int index) {
        return "BreakwaterWholeWord" + index + "x";
    }

    /** The rows of one option with its description (the last column) refilled to that column's width. */
    private static Text[][] refill(Text[][] rows, TextTable table, ColorScheme scheme, List<String> wholeWords) {
        Column[] columns = table.columns();
        int last = columns.length - 1;
        if (rows.length == 0 || rows[0].length != columns.length) {
            return rows;
        }
        List<String> lines = new ArrayList<>();
        for (Text[] row : rows) {
            lines.add(row[last] == null ? "" : row[last].plainString());
        }
        int width = columns[last].width - columns[last].indent;
        List<String> filled = new ArrayList<>(Reflow.fill(lines, width));
        if (!filled.isEmpty() && filled.get(0).length() > width) {
            filled.add(0, ""); // a word too long to stand beside the option's name starts on the next line
        }
        for (int i = 0; i < filled.size(); i++) {
            String line = filled.get(i);
            if (line.length() > width) { // one word that no line of the column holds
                String word = line.stripLeading();
                filled.set(i, line.substring(0, line.length() - word.length()) + placeholder(wholeWords.size()));
                wholeWords.add(word);
            }
        }
        // as many rows as the longer of the description and the rest (an option name may take two rows)
        Text[][] out = new Text[Math.max(filled.size(), rows.length)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < rows.length ? rows[i].clone() : blank(columns.length, scheme);
            out[i][last] = scheme.ansi().new Text(i < filled.size() ? filled.get(i) : "", scheme);
        }
        return out;
    }

    private static Text[] blank(int columns, ColorScheme scheme) {
        Text[] row = new Text[columns];
        Arrays.fill(row, scheme.ansi().new Text("", scheme));
        return row;
    }

    /** The synopsis, wrapped at spaces only (picocli's own wrapping cuts {@code [--to=ADDRESS[,ADDRESS...]]...}). */
    @Override
    protected String insertSynopsisCommandName(int headingLength, Text optionText) {
        String name = commandSpec().qualifiedName();
        int width = commandSpec().usageMessage().width();
        int indent = Math.min(headingLength + name.length() + 1, width / 2);
        List<String> lines = new ArrayList<>();
        Reflow.wrap(name + " " + optionText.plainString().strip(), " ".repeat(headingLength), " ".repeat(indent), width, lines);
        lines.set(0, lines.get(0).substring(headingLength));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /**
     * The list of subcommands, each with its summary: picocli shows the first line of a
     * description, which cuts a sentence written over several lines ("... the version that ran");
     * here the summary is the description's first sentence, wrapped at spaces.
     */
    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int longest = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0);
        int width = commandSpec().usageMessage().width();
        List<String> lines = new ArrayList<>();
        subcommands.forEach((name, help) -> Reflow.wrap(summary(help.commandSpec()),
                "  " + name + " ".repeat(longest - name.length() + 2), " ".repeat(longest + 6), width, lines));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /** The command's header when it has one (picocli's help command), else the first sentence of its description. */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header.length > 0 ? header[0] : summary(spec.usageMessage().description());
    }

    /** The first sentence of a description's first paragraph, its lines joined. */
    static String summary(String[] description) {
        StringBuilder paragraph = new StringBuilder();
        for (String part : description) {
            for (String line : part.split("\\R", -1)) {
                if (line.isBlank()) {
                    return sentence(paragraph.toString());
                }
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        return sentence(paragraph.toString());
    }

    /**
     * The paragraph's first sentence; one longer than {@link #SUMMARY} characters ends at its first
     * clause instead (before ": ", " (" or " — "), so that the list stays a list.
     */
    private static String sentence(String paragraph) {
        int end = paragraph.indexOf(". ");
        String sentence = (end < 0 ? paragraph : paragraph.substring(0, end + 1)).replace("%%", "%");
        if (sentence.length() <= SUMMARY) {
            return sentence;
        }
        int clause = sentence.length();
        for (String mark : List.of(": ", " (", " — ")) {
            int at = sentence.indexOf(mark);
            clause = at > 0 ? Math.min(clause, at) : clause;
        }
        return sentence.substring(0, clause) + (clause < sentence.length() ? "." : "");
    }

    @Override
    public String description(Object... params) {
        return section(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String footer(Object... params) {
        return section(commandSpec().usageMessage().footer(), params);
    }

    /** A description or footer filled to the width; each line formatted as picocli would (%% is a percent sign). */
    private String section(String[] source, Object... params) {
        List<String> lines = new ArrayList<>();
        for (String line : source) {
            String formatted;
            try {
                formatted = String.format(line, params);
            } catch (IllegalFormatException e) {
                formatted = line;
            }
            lines.addAll(Arrays.asList(formatted.split("\\R", -1)));
        }
        StringBuilder out = new StringBuilder();
        for (String line : Reflow.fill(lines, commandSpec().usageMessage().width())) {
            out.append(colorScheme().ansi().new Text(line, colorScheme())).append(System.lineSeparator());
        }
        return out.toString();
    }
}
