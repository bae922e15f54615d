package org.breakwater.plan.cli;

import java.io.PrintWriter;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.plan.PlanReport;
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
            Outcome<PlanReport> o = plans.report(id);
            if (o instanceof Outcome.Refused<PlanReport> r) {
                err.println("breakwater " + name() + ": " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            PlanReport report = ((Outcome.Done<PlanReport>) o).value();
            if (json) {
                JsonOutput.print(out, g -> PlanJson.report(g, report, full()));
            } else if (full()) {
                PlanText.assessment(out, report);
            } else {
                PlanText.show(out, report);
            }
            return ExitCode.OK;
        });
    }
}
