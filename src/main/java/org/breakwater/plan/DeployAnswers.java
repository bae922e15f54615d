package org.breakwater.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The yes or no of can-deploy for a plan, from its report and the time of asking. */
final class DeployAnswers {
    private DeployAnswers() {
    }

    static CanDeploy answer(PlanReport r, Instant now, List<String> damaged) {
        Plan plan = r.plan();
        List<String> reasons = new ArrayList<>();
        boolean waitable = true;
        if (plan.status() != PlanStatus.SCHEDULED && plan.status() != PlanStatus.IN_PROGRESS) {
            reasons.add("plan " + plan.id() + " is " + plan.status().id() + (plan.status() == PlanStatus.DRAFT
                    ? ": schedule it (breakwater plan status " + plan.id() + " scheduled)" : ""));
            waitable = plan.status() == PlanStatus.DRAFT;
        }
        if (now.isBefore(plan.start())) {
            reasons.add("the deployment window opens " + GateEvaluator.day(plan.start()));
        }
        if (plan.status().open() && !now.isBefore(plan.end())) {
            reasons.add(closed(plan));
            waitable = false;
        }
        reasons.addAll(damaged);
        waitable &= damaged.isEmpty();
        for (Gate g : r.gates()) {
            if (!g.state().passes()) {
                reasons.add(g.id() + " " + g.state().id() + ": " + g.detail());
                waitable &= g.state() == GateState.PENDING;
            }
        }
        if (reasons.isEmpty()) {
            return new CanDeploy.Yes(List.of("plan " + plan.id() + " (" + plan.releaseLabel() + "): all "
                    + r.gates().size() + " gates met or waived; policy " + r.assessment().verdict().label()
                    + "; the window closes " + GateEvaluator.day(plan.end())), Optional.of(plan), r.gates());
        }
        return new CanDeploy.No(reasons, Optional.of(plan), r.gates(), waitable);
    }

    /** Why a plan whose window has passed may not go ahead, and what to do. */
    private static String closed(Plan plan) {
        String when = "the window closed at " + GateEvaluator.day(plan.end()) + " (it opened "
                + GateEvaluator.day(plan.start()) + ")";
        return plan.status() == PlanStatus.IN_PROGRESS
                ? when + "; the deployment overran it: finish it (breakwater plan status " + plan.id()
                + " done) or roll back (plan status " + plan.id() + " rolled-back)"
                : when + "; reschedule (breakwater plan propose " + plan.id() + " --apply, or move the start on the"
                + " plan's page)";
    }
}
