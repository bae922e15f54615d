package org.breakwater.deployday.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Release;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlannedRelease;

/**
 * Works out where a rollback of a plan would go, per release: before the cut-over, to what runs now;
 * after it, to the last other version deployed there before the candidate. Possible when every
 * release has such a version and its API description is recorded (so what runs after the rollback
 * is known as well as what ran before).
 */
final class Rollbacks {
    /** How far back the deployment history is read for the version before. */
    static final int HISTORY = 200;

    private Rollbacks() {
    }

    static RollbackReadiness readiness(CatalogService catalog, Plan plan) {
        List<RollbackReadiness.Step> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PlannedRelease r : plan.releases()) {
            Optional<Placement> now = catalog.placement(r.service(), plan.environment());
            Optional<String> before;
            if (now.isPresent() && !now.get().version().equals(r.version())) {
                before = now.map(Placement::version);
            } else {
                before = catalog.history(r.service(), Optional.of(plan.environment()), HISTORY).stream()
                        .filter(d -> !d.version().equals(r.version())).map(Deployment::version).findFirst();
            }
            if (before.isEmpty()) {
                problems.add(r.service() + ": no earlier version recorded in " + plan.environment()
                        + " (record-deployment), so there is nothing to go back to");
                continue;
            }
            Optional<String> hash = catalog.release(r.service(), before.get()).flatMap(Release::apiHash);
            if (hash.isEmpty()) {
                problems.add(r.service() + " " + before.get() + ": its API description is not recorded"
                        + " (record-deployment --spec), so what a rollback brings back is unknown");
            }
            steps.add(new RollbackReadiness.Step(r.service(), r.version(), before.get(), hash));
        }
        return new RollbackReadiness(problems.isEmpty(), steps, problems);
    }
}
