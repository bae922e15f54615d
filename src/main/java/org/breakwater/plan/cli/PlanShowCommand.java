package org.breakwater.plan.cli;

import picocli.CommandLine.Command;

/** {@code breakwater plan show PLAN}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a plan, its policy verdict and its gate checklist.",
            "",
            "Each gate: [x] met, [ ] pending, [!] failed, [~] waived, with its deadline,",
            "why it stands there, and the policy rule behind it.",
            "",
            "Examples:",
            "  breakwater plan show 1",
            "  breakwater plan show 1 --json | jq '.gates[] | select(.state != \"met\")'"})
final class PlanShowCommand extends PlanReportCommand {
    @Override
    String name() {
        return "plan show";
    }

    @Override
    boolean full() {
        return false;
    }
}
