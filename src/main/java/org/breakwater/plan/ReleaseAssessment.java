package org.breakwater.plan;

import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;

/**
 * One release of a plan, judged: its API against what the target environment runs, who each
 * break reaches, whether the version number says so, and whether the policy applies.
 * {@code current} is what it is judged against: what the environment runs, or, when the release
 * runs there already ({@code deployed}: the plan is under way or done), what ran before it.
 */
public record ReleaseAssessment(PlannedRelease release, Service service, Optional<Placement> current,
                                DiffOutcome diff, List<BreakImpact> impacts, SemverCheck semver,
                                PolicyVerdict verdict, boolean deployed) {
    public ReleaseAssessment {
        impacts = List.copyOf(impacts);
    }

    public List<Finding> breaking() {
        if (diff instanceof DiffOutcome.Compared c) {
            return c.report().findings().stream().filter(f -> f.level() == Level.BREAKING).toList();
        }
        return List.of();
    }

    public boolean breaks() {
        return !breaking().isEmpty();
    }

    /**
     * Whether the API breaks cannot be said: the comparison did not run (one side has no readable
     * API description). A first deployment is known not to break anything.
     */
    public boolean breaksUnknown() {
        return diff instanceof DiffOutcome.NoDescription;
    }
}
