package org.breakwater.staging;

import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Outcome;

/**
 * The two environments compared: the staging one and the production one. Unless named, staging
 * is the environment called {@code staging} that is not production (else the only environment
 * that is not production), and production the only environment marked production (else the one
 * called {@code production}).
 */
public record StagingPair(String staging, String production) {
    /** The pair from the catalog's environments, or why it cannot be told. */
    public static Outcome<StagingPair> of(List<Environment> environments, Optional<String> staging,
                                          Optional<String> production) {
        Outcome<String> s = pick(environments, staging, false, "staging");
        Outcome<String> p = pick(environments, production, true, "production");
        if (s instanceof Outcome.Refused<String> r) {
            return Outcome.refused(r.reason());
        }
        if (p instanceof Outcome.Refused<String> r) {
            return Outcome.refused(r.reason());
        }
        String st = ((Outcome.Done<String>) s).value();
        String pr = ((Outcome.Done<String>) p).value();
        if (st.equals(pr)) {
            return Outcome.refused("staging and production are both '" + st + "': name two environments");
        }
        return Outcome.done(new StagingPair(st, pr));
    }

    private static Outcome<String> pick(List<Environment> environments, Optional<String> named, boolean production,
                                        String usual) {
        if (named.isPresent()) {
            return environments.stream().anyMatch(e -> e.name().equals(named.get())) ? Outcome.done(named.get())
                    : Outcome.refused("no environment '" + named.get() + "' in the catalog (it has: "
                    + String.join(", ", environments.stream().map(Environment::name).toList()) + ")");
        }
        List<Environment> kind = environments.stream().filter(e -> e.production() == production).toList();
        Optional<Environment> byName = kind.stream().filter(e -> e.name().equals(usual)).findFirst();
        if (byName.isPresent()) {
            return Outcome.done(byName.get().name());
        }
        if (kind.size() == 1) {
            return Outcome.done(kind.get(0).name());
        }
        return Outcome.refused("cannot tell which environment is " + usual + " (" + kind.size() + " are "
                + (production ? "" : "not ") + "marked production): name it with --" + usual);
    }
}
