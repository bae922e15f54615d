package org.breakwater.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command; it only lists the subcommands. */
@Command(name = "breakwater", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Keeps a release from breaking other people's software.",
            "",
            "See every change between two versions of an API that can break clients:",
            "  breakwater diff old/openapi.yaml new/openapi.yaml",
            "",
            "Exit codes: 0 ok, 1 the check failed (e.g. breaking changes), 2 usage or",
            "input error, 3 internal error."},
        subcommands = {DiffCommand.class, RulesCommand.class, DemoCommand.class,
            picocli.CommandLine.HelpCommand.class})
final class BreakwaterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
