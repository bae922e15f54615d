package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A new user's first half hour: the commands of the README's catalog, plan and announcement
 * sections, exactly as written, one after the other on a new store (as the README says they run).
 * Each must succeed, but {@code can-deploy}, whose "no" is exit 1. {@code announce deliver} is
 * left out: it mails through smtp.example.org.
 */
class ReadmeCommandsTest {
    private static final List<String> SECTIONS = List.of("## The catalog", "## Plans, gates", "## Announcements");
    private static final String DATE = "\"$(date -u -d '+3 weeks' '+%F 15:00')\"";

    @TempDir
    Path store;

    @Test
    void the_readme_commands_run_as_written_one_after_the_other_on_a_new_store() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (String section : SECTIONS) {
            for (String line : commands(firstShellBlock(readme, section))) {
                for (String command : line.split(" && ")) {
                    List<String> words = words(command);
                    if (words.get(0).equals("export")) {
                        String[] pair = words.get(1).split("=", 2);
                        environment.put(pair[0], pair[1]);
                        continue;
                    }
                    assertThat(words.get(0)).as(command).isEqualTo("./breakwater");
                    List<String> args = new ArrayList<>(words.subList(1, words.size()));
                    if (args.subList(0, 2).equals(List.of("announce", "deliver"))) {
                        continue;
                    }
                    CliRun r = CliRun.run(withStoreAndEnvironment(args, environment).toArray(String[]::new));
                    ran.add(command);
                    int expected = args.get(0).equals("can-deploy") ? 1 : 0;
                    if (r.code() != expected) {
                        failed.add(command + " -> exit " + r.code() + ": " + r.all().strip());
                    }
                }
            }
        }
        assertThat(failed).as("README commands that failed").isEmpty();
        assertThat(ran).hasSizeGreaterThan(15).anyMatch(c -> c.contains("consumers pkgdb --operation getPackageAcls"))
                .anyMatch(c -> c.contains("announce send"));
    }

    /** The store of this test for every command that opens one; $BREAKWATER_MAIL_FROM as --from. */
    private List<String> withStoreAndEnvironment(List<String> args, Map<String, String> environment) {
        Optional<CommandLine> command = find(Main.commandLine(), args);
        List<String> out = new ArrayList<>(args);
        if (command.isPresent() && command.get().getCommandSpec().findOption("--data-dir") != null) {
            out.add("--data-dir=" + store);
        }
        if (environment.containsKey("BREAKWATER_MAIL_FROM") && command.isPresent()
                && command.get().getCommandSpec().findOption("--from") != null) {
            out.add("--from=" + environment.get("BREAKWATER_MAIL_FROM"));
        }
        return out;
    }

    private static Optional<CommandLine> find(CommandLine root, List<String> args) {
        CommandLine c = root;
        for (String word : args) {
            CommandLine sub = c.getSubcommands().get(word);
            if (sub == null) {
                break;
            }
            c = sub;
        }
        return c == root ? Optional.empty() : Optional.of(c);
    }

    static String firstShellBlock(String markdown, String heading) {
        int section = markdown.indexOf("\n" + heading);
        assertThat(section).as("the README's section " + heading).isPositive();
        int start = markdown.indexOf("```sh\n", section) + "```sh\n".length();
        return markdown.substring(start, markdown.indexOf("\n```", start));
    }

    /** The block's commands: continuation lines joined, comments dropped, the README's one date substituted. */
    static List<String> commands(String block) {
        String start = LocalDate.now(Clock.systemUTC()).plusWeeks(3) + " 15:00";
        List<String> out = new ArrayList<>();
        for (String line : block.replace("\\\n", " ").split("\n")) {
            String command = line.replace(DATE, "'" + start + "'");
            assertThat(command).as("a command substitution the test does not know").doesNotContain("$(");
            int comment = command.indexOf(" #");
            out.add((comment < 0 ? command : command.substring(0, comment)).strip());
        }
        return out.stream().filter(c -> !c.isEmpty()).toList();
    }

    /** The words of a command as the shell splits them (single and double quotes, no expansion). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char ch : command.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(ch)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = (word == null ? new StringBuilder() : word).append(ch);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
