package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers --help with its usage and exit code 0. */
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
}
