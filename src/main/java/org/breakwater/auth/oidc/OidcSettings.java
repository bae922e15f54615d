package org.breakwater.auth.oidc;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;

/**
 * How Breakwater logs people in through an OpenID provider, and which role each gets.
 *
 * <p>Roles come from a groups claim of the ID token: a member of {@code adminGroup} is an
 * admin; otherwise a member of a group in {@code teamGroups} is a service owner of the team it
 * maps to (the first mapping, in the map's order, that the user belongs to); everyone else is
 * a viewer. Without a groups claim everyone is a viewer.
 *
 * @param issuer        the provider's issuer URL, exactly as its discovery document spells it;
 *                      https, or http on a loopback address for development
 * @param clientSecret  used at the token endpoint only; left out of {@link #toString()}
 * @param redirectUri   Breakwater's callback URL, registered with the provider
 * @param scopes        space-separated, with {@code openid} among them
 * @param usernameClaim the claim holding the user name; the subject ({@code sub}) when a token lacks it
 * @param groupsClaim   the claim holding the user's groups (often {@code groups}), if roles come from groups
 * @param teamGroups    group name → team whose services its members own
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, URI redirectUri, String scopes,
        String usernameClaim, Optional<String> groupsClaim, Optional<String> adminGroup,
        Map<String, String> teamGroups) {
    public static final String DEFAULT_SCOPES = "openid profile email";
    public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        boolean loopback = issuer.getHost() != null && LOOPBACK.contains(issuer.getHost().toLowerCase(Locale.ROOT));
        if (!"https".equals(issuer.getScheme()) && !("http".equals(issuer.getScheme()) && loopback)) {
            throw new IllegalArgumentException("the OpenID issuer must be an https URL (http only on localhost): " + issuer);
        }
        if (issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
            throw new IllegalArgumentException("the OpenID issuer URL may have no query or fragment: " + issuer);
        }
        requireText(clientId, "the OpenID client id");
        requireText(clientSecret, "the OpenID client secret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (!redirectUri.isAbsolute() || !redirectUri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("the OpenID redirect URI must be an absolute http(s) URL: " + redirectUri);
        }
        if (!Arrays.asList(requireText(scopes, "the OpenID scopes").trim().split("\\s+")).contains("openid")) {
            throw new IllegalArgumentException("the OpenID scopes must include 'openid': " + scopes);
        }
        requireText(usernameClaim, "the OpenID user name claim");
        Objects.requireNonNull(groupsClaim, "groupsClaim");
        Objects.requireNonNull(adminGroup, "adminGroup");
        teamGroups = Collections.unmodifiableMap(new LinkedHashMap<>(teamGroups));
        if (groupsClaim.isEmpty() && (adminGroup.isPresent() || !teamGroups.isEmpty())) {
            throw new IllegalArgumentException("mapping OpenID groups to roles needs the claim that holds the groups");
        }
    }

    /** Settings with the default scopes and user name claim, and every user a viewer. */
    public static OidcSettings of(URI issuer, String clientId, String clientSecret, URI redirectUri) {
        return new OidcSettings(issuer, clientId, clientSecret, redirectUri, DEFAULT_SCOPES, DEFAULT_USERNAME_CLAIM,
                Optional.empty(), Optional.empty(), Map.of());
    }

    /** These settings with roles taken from the groups in {@code claim}. */
    public OidcSettings withGroups(String claim, Optional<String> admins, Map<String, String> teams) {
        return new OidcSettings(issuer, clientId, clientSecret, redirectUri, scopes, usernameClaim,
                Optional.of(claim), admins, teams);
    }

    /** The principal a user of these groups becomes. */
    public Principal principal(String username, List<String> groups) {
        if (adminGroup.filter(groups::contains).isPresent()) {
            return new Principal(username, Role.ADMIN, Optional.empty());
        }
        return teamGroups.entrySet().stream()
                .filter(e -> groups.contains(e.getKey()))
                .findFirst()
                .map(e -> new Principal(username, Role.SERVICE_OWNER, Optional.of(e.getValue())))
                .orElseGet(() -> new Principal(username, Role.VIEWER, Optional.empty()));
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=***, redirectUri="
                + redirectUri + ", scopes=" + scopes + ", usernameClaim=" + usernameClaim + ", groupsClaim="
                + groupsClaim + ", adminGroup=" + adminGroup + ", teamGroups=" + teamGroups + "]";
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
