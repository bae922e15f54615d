package org.breakwater.staging.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code breakwater staging parity|coverage}: how far staging matches production, and what tests exercised there. */
@Command(name = "staging", mixinStandardHelpOptions = true,
        description = {"Staging as a replica of production, and what was tried there (docs/staging.md).",
            "",
            "Examples:",
            "  breakwater staging parity                           # every service's score and gaps",
            "  breakwater staging parity --service pkgdb --days 30 --json",
            "  breakwater staging coverage --service pkgdb --since 2026-12-01 --identify 'userAgent:^rube/'"},
        subcommands = {StagingParityCommand.class, StagingCoverageCommand.class})
public final class StagingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
