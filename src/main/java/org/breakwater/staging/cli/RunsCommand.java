package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.staging.SuiteRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging runs [SUITE]}: the newest runs. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "The newest runs, of one suite or of all.")
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SUITE", arity = "0..1", description = "the suite's name (default: every suite)")
    String suite;

    @Option(names = "--limit", defaultValue = "20", description = "at most this many (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || limit > 10_000) {
            err.println("breakwater staging runs: --limit is 1 to 10000");
            return ExitCode.INPUT_ERROR;
        }
        return store.run("staging runs", err, app -> {
            if (suite != null && app.suiteResults().suites().stream().noneMatch(s -> s.name().equals(suite))
                    && app.suiteResults().runs(Optional.of(suite), 1).isEmpty()) {
                err.println("breakwater staging runs: " + app.suites(org.breakwater.staging.SecretBox.NONE).unknown(suite));
                return ExitCode.INPUT_ERROR;
            }
            List<SuiteRun> runs = app.suiteResults().runs(Optional.ofNullable(suite), limit);
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("runs");
                    for (SuiteRun r : runs) {
                        SuiteJson.run(g, r, false);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
                return ExitCode.OK;
            }
            if (runs.isEmpty()) {
                out.println("No run yet.");
                return ExitCode.OK;
            }
            Table t = new Table("RUN", "SUITE", "STATUS", "STARTED", "TESTS", "FAILED", "VERSIONS", "MESSAGE");
            for (SuiteRun r : runs) {
                t.row("#" + r.id(), r.suite(), r.status().id(), Times.show(r.started()), Integer.toString(r.tests()),
                        Integer.toString(r.failures()), String.join(", ", r.versions().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue()).toList()), r.message());
            }
            t.print(out);
            return ExitCode.OK;
        });
    }
}
