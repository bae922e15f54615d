package org.breakwater.staging.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code breakwater staging suite add|list|remove|import|secret}. */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Register, list and remove suites, and keep their secrets.",
        subcommands = {SuiteAddCommand.class, SuiteListCommand.class, SuiteRemoveCommand.class,
            SuiteImportCommand.class, SuiteSecretCommand.class})
final class SuiteCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
