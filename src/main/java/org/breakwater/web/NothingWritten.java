package org.breakwater.web;

import java.util.function.Supplier;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;

/**
 * An unexpected failure of a use case that runs in one transaction, once the store shows that
 * nothing of it was written: answered as the internal error it is (logged under a request id,
 * no trace, no database text) but with a title and a line that say so, so whoever pressed the
 * button knows the state they are in and that trying again is safe.
 */
final class NothingWritten extends RuntimeException {
    private final String title;

    NothingWritten(String title, String message, Throwable cause) {
        super(message, cause);
        this.title = title;
    }

    String title() {
        return title;
    }

    /**
     * Runs a rollback of {@code plan} ({@code BoardService.rollback}, one transaction); when it
     * fails and the plan is still in progress, nothing of it was written: said in those words.
     */
    static <T> T rollback(PlanService plans, Plan plan, Supplier<T> rollback) {
        try {
            return rollback.get();
        } catch (RuntimeException e) {
            if (plans.plan(plan.id()).map(Plan::status).filter(s -> s == PlanStatus.IN_PROGRESS).isEmpty()) {
                throw e;
            }
            throw new NothingWritten("Rollback failed", "The rollback of plan " + plan.id() + " failed and nothing was"
                    + " written: the plan is still in progress, no deployment was recorded and no notice was drafted."
                    + " Trying again is safe.", e);
        }
    }
}
