package org.breakwater.plan.cli;

import picocli.CommandLine.Command;

/** {@code breakwater plan assess PLAN}. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess a plan: its API breaks, who they hit, and what the policy asks.",
            "",
            "For each release: its API description against the one the target",
            "environment runs (from the deployment records), each breaking change with",
            "the consumers it reaches, the version step (a minor or patch version that",
            "breaks the API is reported as mislabelled) and the policy verdict with its",
            "reason. Then the affected consumers by team, outside teams flagged, and the",
            "gate checklist.",
            "",
            "Examples:",
            "  breakwater plan assess 1",
            "  breakwater plan assess 1 --json"})
final class PlanAssessCommand extends PlanReportCommand {
    @Override
    String name() {
        return "plan assess";
    }

    @Override
    boolean full() {
        return true;
    }
}
