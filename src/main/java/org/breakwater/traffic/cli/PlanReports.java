package org.breakwater.traffic.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.PolicyOption;
import org.breakwater.plan.PlanReport;
import org.breakwater.policy.PolicyException;

/** A plan's report for the traffic commands that start from one, or the reason it cannot be had, said on {@code err}. */
final class PlanReports {
    private PlanReports() {
    }

    static Optional<PlanReport> load(App app, PolicyOption policy, long plan, String command, PrintWriter err) {
        Outcome<PlanReport> report;
        try {
            report = app.plans(policy.load()).report(plan);
        } catch (PolicyException e) {
            err.println("breakwater " + command + ": the policy does not read: " + e.getMessage());
            return Optional.empty();
        }
        if (report instanceof Outcome.Refused<PlanReport> r) {
            err.println("breakwater " + command + ": " + r.reason());
            return Optional.empty();
        }
        return Optional.of(((Outcome.Done<PlanReport>) report).value());
    }
}
