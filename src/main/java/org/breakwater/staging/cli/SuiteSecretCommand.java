package org.breakwater.staging.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging suite secret SUITE NAME}: seal a secret read from standard input. */
@WritesStore
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {"Set a suite's secret (its value read from standard input, one line) or remove it.",
            "It is sealed with AES-GCM under the secrets key, passed to the suite as the environment",
            "variable NAME, and redacted from output, pages, logs and the API."},
        footer = {"", "Exit codes: 0 done; 2 bad input, no key or another key (nothing changed); 3 internal error."})
final class SuiteSecretCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite's name")
    String suite;

    @Parameters(index = "1", paramLabel = "NAME", description = "the secret's name: the environment variable it becomes")
    String name;

    @Option(names = "--remove", description = "remove the secret instead")
    boolean remove;

    @Mixin
    SecretsOptions secrets;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return store.run("staging suite secret", err, app -> {
            Outcome<String> o;
            if (remove) {
                o = app.suites(secrets.box()).removeSecret(suite, name);
            } else {
                String value;
                try {
                    value = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                o = app.suites(secrets.box()).setSecret(suite, name, value == null ? "" : value);
            }
            return Outcomes.exit(err, "staging suite secret", o, done -> {
                spec.commandLine().getOut().println((remove ? "Removed" : "Sealed") + " secret " + name + " of " + suite);
                return ExitCode.OK;
            });
        });
    }
}
