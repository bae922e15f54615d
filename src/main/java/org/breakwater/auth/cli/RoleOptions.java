package org.breakwater.auth.cli;

import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import picocli.CommandLine.Option;

/** {@code --role} and {@code --team}: who an account or a token stands for, checked the same way for both. */
final class RoleOptions {
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, service-owner or admin")
    String role;

    @Option(names = "--team", paramLabel = "TEAM", description = "for a service owner: the team")
    String team;

    /** What is wrong with the options as given, before the store is opened. */
    Optional<String> problem() {
        Optional<Role> r = Role.parse(role);
        if (r.isEmpty()) {
            return Optional.of("--role is viewer, service-owner or admin, not '" + role + "'");
        }
        if (r.get() == Role.SERVICE_OWNER && team == null) {
            return Optional.of("a service owner needs --team");
        }
        return Optional.empty();
    }

    /** A team the catalog does not know, if one was named. */
    Optional<String> unknownTeam(App app) {
        return team != null && app.catalog().export().team(team).isEmpty()
                ? Optional.of("unknown team '" + team + "'") : Optional.empty();
    }

    /** {@code user} with these options' role and team (once {@link #problem()} is empty). */
    Principal principal(String user) {
        return new Principal(user, Role.parse(role).orElseThrow(), Optional.ofNullable(team));
    }
}
