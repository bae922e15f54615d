package org.breakwater.staging.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code breakwater staging parity|coverage|replay}: staging as a replica of production, and what was tried there. */
@Command(name = "staging", mixinStandardHelpOptions = true,
        description = {"Staging as a replica of production, and what was tried there (docs/staging.md).",
            "",
            "Examples:",
            "  breakwater staging parity                           # every service's score and gaps",
            "  breakwater staging parity --service pkgdb --days 30 --json",
            "  breakwater staging coverage --service pkgdb --since 2026-12-01 --identify 'userAgent:^rube/'",
            "  breakwater staging replay 1                         # replay plan 1's sampled production calls",
            "  breakwater staging replay 1 --show --json           # the last replay's report",
            "  breakwater staging replay 1 --acknowledge 3f2a9c01d4 --by pingou --note 'devel is master now'"},
        subcommands = {StagingParityCommand.class, StagingCoverageCommand.class,
            org.breakwater.staging.replay.cli.ReplayCommand.class})
public final class StagingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
