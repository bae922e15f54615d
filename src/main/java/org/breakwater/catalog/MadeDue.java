package org.breakwater.catalog;

import java.util.List;

/**
 * What a deployment recorded to an environment made due at once (docs/staging.md): the suites
 * covering the service there, and the open plans releasing it whose replay is due (a deployment
 * to a non-production environment). {@code serve}'s next tick runs them.
 *
 * @param suites  the suites' names
 * @param replays the plans whose replay was made due
 */
public record MadeDue(List<String> suites, List<DuePlan> replays) {
    public MadeDue {
        suites = List.copyOf(suites);
        replays = List.copyOf(replays);
    }

    /** A plan whose replay a deployment made due. */
    public record DuePlan(long id, String title) {
        /** "plan 3 (pkgdb2)". */
        public String label() {
            return "plan " + id + " (" + title + ")";
        }
    }
}
