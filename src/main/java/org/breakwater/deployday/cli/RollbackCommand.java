package org.breakwater.deployday.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.deployday.board.RolledBack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater rollback PLAN}: records the earlier versions' deployment and drafts the rolled-back notice. */
@WritesStore
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Roll back a plan in progress: record the deployment of the version that ran",
            "before each release, move the plan to rolled-back, and draft the rolled-back",
            "notice (send it with `announce send`). `board show PLAN` says beforehand",
            "whether a rollback is possible.",
            "",
            "Example:",
            "  breakwater rollback 1"},
        footer = {"", "Exit codes: 0 rolled back; 2 unknown plan, not in progress, or no earlier version",
            "(or its API description) recorded; 3 internal error."})
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "PLAN", description = "the plan's number")
    long plan;
    @Option(names = "--by", paramLabel = "USER", description = "who rolls back (default: $USER)")
    String by;
    @Option(names = "--json", description = "print what was done as JSON")
    boolean json;
    @Mixin
    DayOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return options.run("rollback", err, day -> Outcomes.exit(err, "rollback",
                day.board().rollback(plan, Users.or(by)),
                r -> JsonOutput.print(out, json, g -> DayJson.rolledBack(g, r), () -> text(out, r))));
    }

    private void text(PrintWriter out, RolledBack r) {
        r.deployments().forEach(d -> out.println("Recorded: " + d.service() + " " + d.version() + " in "
                + d.environment() + " since " + Times.show(d.at())));
        out.println("Plan " + plan + " is rolled back." + (r.notices().isEmpty() ? ""
                : " Rolled-back notice drafted: check it, then breakwater announce send " + r.notices().get(0).id()));
    }
}
