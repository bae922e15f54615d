package org.breakwater.staging.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code breakwater staging suite|run|runs|history|parity|coverage|replay}: end-to-end suites run against
 * staging, how far staging matches production, and what tests exercised there.
 */
@Command(name = "staging", mixinStandardHelpOptions = true,
        description = {"End-to-end suites run against staging, staging as a replica of production, and what",
            "was tried there (docs/staging.md).",
            "",
            "A suite is any command that writes JUnit XML (pytest, Selenium, Playwright, a shell",
            "script). `serve` runs each on its schedule; `staging run` runs one now (from cron or CI).",
            "The plan's staging-green gate follows the runs on the candidate version.",
            "",
            "Examples:",
            "  breakwater staging suite add pkgdb-e2e --service pkgdb --command 'pytest --junitxml=out/r.xml'"
                + " --results 'out/*.xml'",
            "  printf %s \"$PASSWORD\" | breakwater staging suite secret pkgdb-e2e TEST_PASSWORD",
            "  breakwater staging suite import catalog/     (the suites: sections of the catalog files)",
            "  breakwater staging run pkgdb-e2e",
            "  breakwater staging runs pkgdb-e2e --json",
            "  breakwater staging history pkgdb-e2e",
            "  breakwater staging parity                           # every service's score and gaps",
            "  breakwater staging parity --service pkgdb --days 30 --json",
            "  breakwater staging coverage --service pkgdb --since 2026-12-01 --identify 'userAgent:^rube/'",
            "  breakwater staging replay 1                         # replay plan 1's sampled production calls",
            "  breakwater staging replay 1 --acknowledge 3f2a9c01d4 --by pingou --note 'devel is master now'"},
        subcommands = {SuiteCommand.class, RunCommand.class, RunsCommand.class, HistoryCommand.class,
            StagingParityCommand.class, StagingCoverageCommand.class,
            org.breakwater.staging.replay.cli.ReplayCommand.class})
public final class StagingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
