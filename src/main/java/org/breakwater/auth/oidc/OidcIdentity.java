package org.breakwater.auth.oidc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.breakwater.auth.Principal;

/**
 * Who logged in, as the verified ID token says.
 *
 * @param subject   the provider's stable identifier for the user ({@code sub}); with the issuer
 *                  it names the account even if the user name changes
 * @param username  the user name Breakwater shows and audits (see {@link OidcSettings#usernameClaim()})
 * @param groups    the groups the provider lists for the user, empty when it lists none
 * @param principal the role derived from the groups (see {@link OidcSettings#principal})
 */
public record OidcIdentity(String subject, String username, Optional<String> email, Optional<String> name,
        List<String> groups, Principal principal) {
    public OidcIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
        Objects.requireNonNull(principal, "principal");
    }
}
