package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.staging.FlakeRule;
import org.breakwater.staging.TestId;
import org.breakwater.staging.TestStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging history SUITE}: each test's streak, flakiness and durations. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Each test of a suite over its last runs: pass streak, flip rate (flaky above the",
            "threshold), median and p95 durations (docs/staging.md, History)."})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SUITE", description = "the suite's name")
    String suite;

    @Option(names = "--window", defaultValue = "20", description = "runs looked at (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--threshold", defaultValue = "0.2", description = "flip rate above which a test is flaky"
            + " (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FlakeRule rule;
        try {
            rule = new FlakeRule(window, threshold);
        } catch (IllegalArgumentException e) {
            err.println("breakwater staging history: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        return store.run("staging history", err, app -> {
            Map<TestId, TestStats> tests = app.suiteResults().history(suite, rule);
            if (json) {
                JsonOutput.print(out, g -> SuiteJson.history(g, suite, tests));
                return ExitCode.OK;
            }
            if (tests.isEmpty()) {
                out.println("No test results for " + suite + " yet.");
                return ExitCode.OK;
            }
            Table t = new Table("TEST", "STREAK", "FLIP RATE", "FLAKY", "MEDIAN", "P95", "LAST FAILURE");
            for (TestStats s : tests.values()) {
                t.row(s.id().value(), Integer.toString(s.passStreak()), String.format("%.2f", s.flipRate()),
                        s.flaky() ? "flaky" : "", s.median().map(d -> d.toMillis() + " ms").orElse(""),
                        s.p95().map(d -> d.toMillis() + " ms").orElse(""), s.lastFailure().map(r -> "#" + r).orElse(""));
            }
            t.print(out);
            return ExitCode.OK;
        });
    }
}
