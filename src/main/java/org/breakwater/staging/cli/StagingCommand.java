package org.breakwater.staging.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code breakwater staging ...}: testing more in staging (docs/staging.md). */
@Command(name = "staging", mixinStandardHelpOptions = true,
        description = {"Test more in staging: replay production's real calls against the candidate.",
            "",
            "Examples:",
            "  breakwater staging replay 1                 # replay plan 1's sampled production calls",
            "  breakwater staging replay 1 --show --json   # the last replay's report",
            "  breakwater staging replay 1 --acknowledge 3f2a9c01d4 --by pingou --note 'devel is master now'"},
        subcommands = {org.breakwater.staging.replay.cli.ReplayCommand.class})
public final class StagingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
