package org.breakwater.auth;

import java.util.Optional;

/**
 * Who is asking, once authenticated.
 *
 * @param team for a service owner, the team whose services they may change
 */
public record Principal(String username, Role role, Optional<String> team) {
    /** May this principal change things about a service owned by {@code ownerTeam}? */
    public boolean mayChange(String ownerTeam) {
        return role == Role.ADMIN || role == Role.SERVICE_OWNER && team.filter(ownerTeam::equals).isPresent();
    }
}
