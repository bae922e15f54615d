package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.staging.SecretBox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging suite remove NAME}: forget a suite, its secrets and schedule (its runs stay). */
@WritesStore
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a suite with its secrets and schedule; its runs stay as history.")
final class SuiteRemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the suite's name")
    String name;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return store.run("staging suite remove", err, app -> {
            return Outcomes.exit(err, "staging suite remove", app.suites(SecretBox.NONE).remove(name), removed -> {
                spec.commandLine().getOut().println("Removed suite " + name + " (its runs are kept)");
                return ExitCode.OK;
            });
        });
    }
}
