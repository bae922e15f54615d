package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.staging.SuiteRuns;
import org.breakwater.staging.run.ProcessLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging run SUITE}: run a suite now and store what it gave. */
@WritesStore
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a suite now (from cron or CI) and store the run and its test cases.",
            "Runs a crashed Breakwater left going are marked interrupted first."},
        footer = {"", "Exit codes: 0 the run passed; 1 it failed, timed out or could not be judged;",
            "2 no such suite; 3 internal error."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SUITE", description = "the suite's name")
    String suite;

    @Option(names = "--json", description = "print the run as JSON")
    boolean json;

    @Mixin
    SecretsOptions secrets;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return store.run("staging run", err, app -> {
            SuiteRuns runs = app.suiteRuns(secrets.box(), ProcessLauncher.standard());
            int interrupted = runs.recoverInterrupted();
            if (interrupted > 0) {
                err.println("breakwater staging run: marked " + interrupted + " run(s) left going by a stopped"
                        + " Breakwater interrupted");
            }
            return Outcomes.exit(err, "staging run", runs.run(suite, "cli"), run -> {
                if (json) {
                    JsonOutput.print(out, g -> SuiteJson.run(g, run, true));
                } else {
                    out.println("Run #" + run.id() + " of " + suite + ": " + run.status().id() + " - " + run.message());
                    if (!run.versions().isEmpty()) {
                        out.println("Staging ran " + String.join(", ", run.versions().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue()).toList()));
                    }
                }
                return run.green() ? ExitCode.OK : ExitCode.CHECK_FAILED;
            });
        });
    }
}
