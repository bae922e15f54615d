package org.breakwater.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Placement;

/**
 * Stored API descriptions that cannot be read back (a record an older version stored with a
 * file name leaving its folder, say): shown as a reason on the plan's answer, never thrown, so
 * pages about other things keep working.
 */
final class DamagedApis {
    private DamagedApis() {
    }

    /**
     * The stored API descriptions of {@code plan}'s releases, and of what runs where they go, that
     * cannot be read (damaged records): each a reason the plan cannot go ahead until it is recorded again.
     */
    static List<String> reasons(CatalogService catalog, Plan plan) {
        List<String> reasons = new ArrayList<>();
        for (PlannedRelease r : plan.releases()) {
            Optional<Placement> running = catalog.placement(r.service(), plan.environment());
            r.apiHash().flatMap(catalog::apiDamage).ifPresent(why -> reasons.add(r.service() + " " + r.version()
                    + ": its stored API description is damaged and cannot be compared (" + why + "); record the"
                    + " release again with a readable description"));
            running.filter(p -> !p.version().equals(r.version())).flatMap(p -> p.apiHash().flatMap(catalog::apiDamage)
                    .map(why -> r.service() + " " + p.version() + ", which runs in " + plan.environment() + ": its stored"
                            + " API description is damaged and cannot be compared (" + why + "); record a deployment"
                            + " with a readable description")).ifPresent(reasons::add);
        }
        return reasons;
    }

}
