package org.breakwater.plan.cli;

import java.io.PrintWriter;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreAndPolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What `plan show` and `plan assess` share: find the plan, judge it, print it. */
abstract class PlanReportCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "the plan's number")
    long id;

    @Option(names = "--json", description = "print it as JSON")
    boolean json;

    @Mixin
    StoreAndPolicy options;

    abstract String name();

    abstract boolean full();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return PlanContext.run(name(), options, err, plans -> {
            return Outcomes.exit(err, name(), plans.report(id), report -> {
                if (json) {
                    JsonOutput.print(out, g -> PlanJson.report(g, report, full()));
                } else if (full()) {
                    PlanText.assessment(out, report);
                } else {
                    PlanText.show(out, report);
                }
                return ExitCode.OK;
            });
        });
    }
}
