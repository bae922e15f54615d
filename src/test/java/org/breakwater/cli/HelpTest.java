package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** Every command and subcommand answers --help with its usage, wrapped for the terminal without cutting a word. */
class HelpTest {
    static void walk(CommandLine c, List<String> path, List<List<String>> all) {
        all.add(path);
        c.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, all);
            }
        });
    }

    /** Every command's help, by its full name, rendered at {@code width} columns. */
    static Map<String, String> helps(int width) {
        CommandLine root = Main.commandLine();
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(width);
        Map<String, String> all = new TreeMap<>();
        Main.everyCommand(root, c -> all.put(c.getCommandSpec().qualifiedName(), c.getUsageMessage()));
        return all;
    }

    static Map<String, Long> words(String text) {
        // a wrapped example gains a shell continuation (\\) per line, and its comment's lines a '#'
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty() && !w.equals("\\") && !w.equals("#"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    @Test
    void every_command_teaches_with_help() {
        List<List<String>> commands = new ArrayList<>();
        walk(Main.commandLine(), List.of(), commands);
        assertThat(commands).hasSizeGreaterThan(30);
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).startsWith("Usage: breakwater");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void help_fits_the_width_and_never_breaks_inside_a_word_a_path_or_a_url(int width) {
        Map<String, String> wide = helps(1000);
        Map<String, String> narrow = helps(width);
        assertThat(narrow.keySet()).hasSizeGreaterThan(30).isEqualTo(wide.keySet());
        List<String> tooLong = new ArrayList<>();
        List<String> cutWords = new ArrayList<>();
        narrow.forEach((command, help) -> {
            for (String line : help.split("\\R")) {
                // a line may pass the width only when it is one word that nothing may cut (a long URL at 60,
                // a quoted argument of an example)
                if (line.length() > width && Reflow.shellWords(line.strip().replaceFirst(" \\\\$", "")).size() > 1) {
                    tooLong.add(command + " at " + width + ": " + line);
                }
            }
            // the same words as when nothing needs wrapping: a word cut in two would be two other words
            Map<String, Long> cut = new TreeMap<>(words(help));
            cut.entrySet().removeAll(words(wide.get(command)).entrySet());
            if (!cut.isEmpty()) {
                cutWords.add(command + " at " + width + ": " + cut.keySet());
            }
        });
        assertThat(tooLong).as("lines wider than " + width + " columns").isEmpty();
        assertThat(cutWords).as("words cut in two at " + width + " columns").isEmpty();
    }

    @Test
    void the_words_that_picocli_used_to_cut_are_whole() {
        Map<String, String> helps = helps(80);
        assertThat(words(helps.get("breakwater where"))).containsKey("~/.local/share/breakwater)");
        assertThat(words(helps.get("breakwater announce"))).containsKey("(docs/announcements.md);");
        assertThat(helps.get("breakwater announce")).contains("bus.example.org/%2F");
    }

    @Test
    void every_command_in_a_list_of_commands_reads_as_one_short_whole_sentence() {
        List<String> cut = new ArrayList<>();
        Main.everyCommand(Main.commandLine(), c -> c.getSubcommands().forEach((name, sub) -> {
            String summary = ReflowingHelp.summary(sub.getCommandSpec());
            if (!name.equals("help") && (summary.length() > ReflowingHelp.SUMMARY || !summary.endsWith("."))) {
                cut.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
            }
        }));
        assertThat(cut).as("summaries that are not one sentence of at most " + ReflowingHelp.SUMMARY + " characters").isEmpty();
        String list = helps(80).get("breakwater");
        assertThat(list).contains("  rollback           Roll back a plan in progress.")
                .contains("  help               Display help information about the specified command.");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void every_example_copies_and_pastes_as_the_same_command_at_any_width(int width) {
        Map<String, String> wide = helps(1000);
        Map<String, String> narrow = helps(width);
        List<String> broken = new ArrayList<>();
        narrow.forEach((command, help) -> {
            List<String> expected = examples(wide.get(command));
            if (!examples(help).equals(expected)) {
                broken.add(command + " at " + width + ": " + examples(help) + " instead of " + expected);
            }
        });
        assertThat(broken).as("examples that a wrap split into other commands").isEmpty();
    }

    /** The example commands of a help as a shell reads them: continued lines joined, comments and remarks dropped. */
    static List<String> examples(String help) {
        List<String> out = new ArrayList<>();
        for (String line : help.replaceAll(" \\\\\\R\\s*", " ").split("\\R")) {
            String command = line.strip();
            if (command.startsWith("breakwater ") && line.startsWith(" ")) {
                out.add(command.replaceAll(" +#\\s.*| {2,}\\(.*", "").replaceAll("\\s+", " ").strip());
            }
        }
        return out;
    }

    @Test
    void every_option_and_parameter_says_what_it_is_for() {
        List<String> silent = new ArrayList<>();
        Main.everyCommand(Main.commandLine(), c -> {
            List<ArgSpec> args = new ArrayList<>(c.getCommandSpec().options());
            args.addAll(c.getCommandSpec().positionalParameters());
            for (ArgSpec arg : args) {
                String what = c.getCommandSpec().qualifiedName() + " " + (arg.isOption()
                        ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel());
                if (String.join(" ", arg.description()).isBlank()) {
                    silent.add(what);
                }
            }
        });
        assertThat(silent).as("options and parameters without a description").isEmpty();
    }

    @Test
    void no_description_trips_picocli_formatting() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            helps(80);
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN").doesNotContain("Could not format");
    }

    @Test
    void help_and_version_read_the_same_in_every_command() {
        helps(120).forEach((command, help) -> {
            if (command.equals("breakwater help")) {
                return; // picocli's own help command: -h only, in its own words
            }
            assertThat(help).as(command).containsPattern("-h, --help +Show this help message and exit\\.")
                    .containsPattern("-V(, --version)? +Print version information and exit\\.");
        });
        Main.everyCommand(Main.commandLine(), c -> {
            if (c.getCommandName().equals("help")) {
                return;
            }
            List<String> args = new ArrayList<>(Arrays.asList(c.getCommandSpec().qualifiedName().split(" ")));
            args.remove(0);
            args.add("-V");
            StringWriter out = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
            assertThat(code).as(String.join(" ", args)).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).startsWith("breakwater ");
        });
    }

    @Test
    void the_width_comes_from_columns_when_it_is_a_number() {
        assertThat(Main.helpWidth("120")).isEqualTo(120);
        assertThat(Main.helpWidth(null)).isEqualTo(80);
        assertThat(Main.helpWidth("wide")).isEqualTo(80);
        assertThat(Main.helpWidth("20")).isEqualTo(55);
    }
}
