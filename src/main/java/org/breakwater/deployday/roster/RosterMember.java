package org.breakwater.deployday.roster;

import java.time.Instant;
import java.util.Optional;

/**
 * One person on a plan's roster, in one role.
 *
 * @param team         the outside team a contact answers for
 * @param reason       why they were proposed ("owns pkgdb", "contact of qa: bodhi-pkgdb-client")
 * @param confirmedVia "login", "link" or "cli": how the confirmation came
 */
public record RosterMember(long id, long planId, String username, RosterRole role, Optional<String> team, String reason,
                           Instant addedAt, Optional<Instant> invitedAt, Optional<Instant> confirmedAt,
                           Optional<String> confirmedVia) {
    public boolean confirmed() {
        return confirmedAt.isPresent();
    }

    /** The note a confirmation carries on the {@code roster} gate (GateEvaluator counts these), if the role counts. */
    public Optional<String> gateNote() {
        return switch (role) {
            case FIREFIGHTER -> Optional.of("firefighter");
            case CONTACT -> team.map(t -> "contact:" + t);
            case OWNER -> Optional.empty();
        };
    }
}
