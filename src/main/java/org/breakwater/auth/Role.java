package org.breakwater.auth;

import java.util.Locale;
import java.util.Optional;

/** What a user may do: read; change their team's services; change anything. */
public enum Role {
    VIEWER, SERVICE_OWNER, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
