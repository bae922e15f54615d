package org.breakwater.deployday.roster;

import java.util.Locale;
import java.util.Optional;

/** Why someone is on the day's roster. */
public enum RosterRole {
    /** One of the policy's firefighters from the infrastructure team. */
    FIREFIGHTER,
    /** Answers for a service the plan ships. */
    OWNER,
    /** The contact of an outside team with an affected consumer. */
    CONTACT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RosterRole> parse(String text) {
        for (RosterRole r : values()) {
            if (r.id().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
