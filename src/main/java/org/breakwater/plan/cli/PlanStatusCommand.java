package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater plan status PLAN STATUS}. */
@WritesStore
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Move a plan along: draft → scheduled → in-progress → done | rolled-back,",
            "or cancelled before it starts.", "",
            "Examples:", "  breakwater plan status 1 scheduled", "  breakwater plan status 1 in-progress"})
final class PlanStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "the plan's number")
    long id;

    @Parameters(index = "1", paramLabel = "STATUS",
            description = "draft, scheduled, in-progress, done, cancelled or rolled-back")
    String status;

    @Mixin
    StoreAndPolicy options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PlanStatus> next = PlanStatus.parse(status);
        if (next.isEmpty()) {
            err.println("breakwater plan status: unknown status '" + status
                    + "' (draft, scheduled, in-progress, done, cancelled, rolled-back)");
            return ExitCode.INPUT_ERROR;
        }
        return PlanContext.run("plan status", options, err, plans -> {
            return Outcomes.exit(err, "plan status", plans.setStatus(id, next.get()), done -> {
                out.println("Plan " + id + " is now " + next.get().id() + ".");
                return ExitCode.OK;
            });
        });
    }
}
