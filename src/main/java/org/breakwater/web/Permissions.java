package org.breakwater.web;

import org.breakwater.App;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.plan.Plan;

/** Who may change what, the same for the API and the pages. */
final class Permissions {
    private Permissions() {
    }

    /** An admin, or an owner of one of the services the plan ships. */
    static boolean mayChangePlan(App app, Plan plan, Principal who) {
        return who.role() == Role.ADMIN || plan.releases().stream().anyMatch(r -> app.catalog().service(r.service())
                .map(s -> who.mayChange(s.owner())).orElse(false));
    }

    static void requirePlan(App app, Plan plan, Principal who) {
        if (!mayChangePlan(app, plan, who)) {
            throw new Problem(403, "Forbidden", who.username() + " (" + who.role().id()
                    + who.team().map(t -> " of " + t).orElse("") + ") owns none of the services plan " + plan.id()
                    + " ships");
        }
    }

    /** An admin, or an owner of the team that owns the service. */
    static void requireService(App app, String service, Principal who) {
        String owner = app.catalog().service(service).orElseThrow(() -> Problem.notFound("no service '" + service + "'"))
                .owner();
        if (!who.mayChange(owner)) {
            throw new Problem(403, "Forbidden", who.username() + " (" + who.role().id()
                    + who.team().map(t -> " of " + t).orElse("") + ") may not change " + service + ", which " + owner
                    + " owns");
        }
    }
}
