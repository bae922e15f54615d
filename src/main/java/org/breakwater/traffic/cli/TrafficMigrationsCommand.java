package org.breakwater.traffic.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.breakwater.App;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater traffic migrations}: how far each consumer a plan affects has come. */
@Command(name = "migrations", mixinStandardHelpOptions = true,
        description = {"How far each consumer a plan affects has come: declared → acknowledged → verified in",
            "staging → verified in production, from the catalog, the plan's evidence and the access logs",
            "(docs/traffic.md says what each state needs). Unknown callers are listed for their owners",
            "to be found. The plan's consumer gates follow these states."})
final class TrafficMigrationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "the plan's number")
    long plan;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Mixin
    org.breakwater.cli.common.PolicyOption policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ErrorReporting.guarded("traffic migrations", err, () -> {
            App app = store.open(Clock.systemUTC());
            java.util.Optional<org.breakwater.plan.PlanReport> found = PlanReports.load(app, policy, plan, "traffic migrations", err);
            if (found.isEmpty()) {
                return ExitCode.INPUT_ERROR;
            }
            org.breakwater.plan.PlanReport r = found.get();
            if (json) {
                JsonOutput.print(out, g -> org.breakwater.plan.cli.MigrationOutput.json(g, r.migrations()));
                return ExitCode.OK;
            }
            org.breakwater.plan.cli.MigrationOutput.text(out, r.migrations());
            return ExitCode.OK;
        });
    }
}
