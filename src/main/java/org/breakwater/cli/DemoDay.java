package org.breakwater.cli;

import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.DayServices;
import org.breakwater.deployday.board.ChecklistStep;
import org.breakwater.deployday.roster.RosterView;
import org.breakwater.policy.PolicyReader;

/**
 * The demo's deployment day of the pkgdb2 plan (docs/deployment-day.md): its roster proposed from the
 * plan and confirmed by everyone on it (so the roster gate is met by confirmations, with no evidence
 * recorded by hand), and the first checklist step ticked.
 */
final class DemoDay {
    private DemoDay() {
    }

    static void make(App app, long pkgdb2) {
        DayServices day = app.day(PolicyReader.defaults(), org.breakwater.announce.Templates.defaults(), DemoPlans.FROM);
        RosterView roster = done(day.roster().propose(pkgdb2));
        roster.lines().stream().map(l -> l.member().username()).distinct()
                .forEach(u -> done(day.roster().confirm(pkgdb2, u, "login")));
        done(day.board().tick(pkgdb2, ChecklistStep.PRE_CHECKS, "pingou",
                Optional.of("database backup taken; every gate but the notices met")));
    }

    private static <T> T done(Outcome<T> o) {
        if (o instanceof Outcome.Done<T> d) {
            return d.value();
        }
        throw new IllegalStateException("the demo's deployment day does not fit: " + ((Outcome.Refused<T>) o).reason());
    }
}
