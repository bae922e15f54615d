package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater plan list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List plans, the latest start first.", "",
            "Examples:", "  breakwater plan list", "  breakwater plan list --status scheduled --json"})
final class PlanListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "only plans in this status: draft, scheduled, in-progress, done, cancelled, rolled-back")
    String status;

    @Option(names = "--json", description = "print the plans as JSON")
    boolean json;

    @Mixin
    StoreAndPolicy options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PlanStatus> wanted = Optional.ofNullable(status).flatMap(PlanStatus::parse);
        if (status != null && wanted.isEmpty()) {
            err.println("breakwater plan list: unknown status '" + status + "'");
            return ExitCode.INPUT_ERROR;
        }
        return PlanContext.run("plan list", options, err, plans -> {
            List<Plan> list = plans.list(wanted);
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartArray();
                    for (Plan p : list) {
                        PlanJson.plan(g, p);
                    }
                    g.writeEndArray();
                });
                return ExitCode.OK;
            }
            if (list.isEmpty()) {
                out.println("No plans yet (breakwater plan create --help).");
                return ExitCode.OK;
            }
            Table t = new Table("PLAN", "STATUS", "START", "ENV", "SHIPS", "OWNER");
            for (Plan p : list) {
                t.row(Long.toString(p.id()), p.status().id(), Times.show(p.start()), p.environment(), p.releaseLabel(),
                        p.owner());
            }
            t.print(out);
            return ExitCode.OK;
        });
    }
}
