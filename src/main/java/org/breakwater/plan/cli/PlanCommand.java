package org.breakwater.plan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code breakwater plan}: planned deployments. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan a deployment and track what the policy asks of it.",
            "",
            "A plan ships one or more service releases together to an environment at a",
            "time. Its assessment compares each release's API with what the environment",
            "runs, names the consumers every break hits (outside teams flagged), checks",
            "the version number, and says whether the major-deployment policy applies.",
            "The policy turns that into gates: notices sent, meeting held, staging green,",
            "consumers ready, roster named, no freeze (docs/policy.md).",
            "",
            "Examples:",
            "  breakwater plan create --release pkgdb=2.0.0 --release fas=0.8.19 \\",
            "      --start '2014-06-16 12:00' --duration 4h --scheduled",
            "  breakwater plan assess 1",
            "  breakwater plan show 1",
            "  breakwater plan propose 1"},
        subcommands = {PlanCreateCommand.class, PlanShowCommand.class, PlanAssessCommand.class,
            PlanListCommand.class, PlanStatusCommand.class, PlanProposeCommand.class, PlanFeedCommand.class})
public final class PlanCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
