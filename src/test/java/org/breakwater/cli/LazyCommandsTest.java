package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Start-up: a run that names a subcommand builds only that one; everything else still sees every command. */
class LazyCommandsTest {
    private static final Map<String, CommandLine> ALL = Main.commandLine().getSubcommands();

    @Test
    void a_run_that_names_a_subcommand_builds_only_that_one() {
        CommandLine cli = Main.commandLine("diff", "old.yaml", "new.yaml");

        assertThat(cli.getSubcommands().keySet()).containsExactly("diff");
        assertThat(cli.getCommandSpec().name()).isEqualTo("breakwater");
    }

    @Test
    void every_top_level_command_is_found_by_its_name_and_has_the_same_help_as_in_the_whole_tree() {
        assertThat(ALL).hasSizeGreaterThan(15);
        ALL.forEach((name, full) -> {
            if (!name.equals("help")) {
                CommandLine only = Main.commandLine(name).getSubcommands().get(name);
                assertThat(only).as(name).isNotNull();
                assertThat(only.getCommandSpec().userObject().getClass()).isEqualTo(full.getCommandSpec().userObject().getClass());
                assertThat(only.getUsageMessage()).as(name).isEqualTo(full.getUsageMessage());
                assertThat(only.getSubcommands().keySet()).as(name).isEqualTo(full.getSubcommands().keySet());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "--version", "help", "dif", "assess", "@args.txt"})
    void without_a_subcommand_first_every_command_is_built(String first) {
        String[] args = first.isEmpty() ? new String[0] : new String[] {first, "diff"};

        assertThat(Main.commandLine(args).getSubcommands().keySet()).isEqualTo(ALL.keySet());
    }

    @Test
    void the_root_help_still_lists_every_command() {
        String help = Main.commandLine("--help").getUsageMessage();

        assertThat(List.copyOf(ALL.keySet())).allSatisfy(name -> assertThat(help).contains(name));
    }
}
