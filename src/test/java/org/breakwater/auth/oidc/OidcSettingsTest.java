package org.breakwater.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {
    static final URI ISSUER = URI.create("https://id.fedoraproject.org/openidc");
    static final URI REDIRECT = URI.create("https://breakwater.example/login/oidc/callback");

    static OidcSettings settings() {
        Map<String, String> teams = new LinkedHashMap<>();
        teams.put("sysadmin-main", "infrastructure");
        teams.put("sysadmin-web", "websites");
        return OidcSettings.of(ISSUER, "breakwater", "s3cret", REDIRECT).withGroups("groups", Optional.of("sysadmin-bw"), teams);
    }

    @Test
    void the_admin_group_makes_an_admin_whatever_else_the_user_belongs_to() {
        assertThat(settings().principal("kevin", List.of("sysadmin-web", "sysadmin-bw")))
                .isEqualTo(new Principal("kevin", Role.ADMIN, Optional.empty()));
    }

    @Test
    void the_first_team_mapping_the_user_belongs_to_names_their_team() {
        assertThat(settings().principal("pingou", List.of("sysadmin-web", "sysadmin-main")))
                .isEqualTo(new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure")));
    }

    @Test
    void everyone_else_is_a_viewer() {
        assertThat(settings().principal("ralph", List.of("packager")))
                .isEqualTo(new Principal("ralph", Role.VIEWER, Optional.empty()));
        assertThat(OidcSettings.of(ISSUER, "breakwater", "s3cret", REDIRECT).principal("ralph", List.of("sysadmin-bw")))
                .isEqualTo(new Principal("ralph", Role.VIEWER, Optional.empty()));
    }

    @Test
    void the_defaults_are_the_usual_scopes_and_user_name_claim() {
        OidcSettings s = OidcSettings.of(ISSUER, "breakwater", "s3cret", REDIRECT);
        assertThat(s.scopes()).isEqualTo("openid profile email");
        assertThat(s.usernameClaim()).isEqualTo("preferred_username");
        assertThat(s.groupsClaim()).isEmpty();
    }

    @Test
    void the_secret_is_left_out_of_the_settings_text() {
        assertThat(settings().toString()).contains("clientSecret=***").doesNotContain("s3cret");
    }

    @Test
    void an_issuer_over_plain_http_is_refused_except_on_this_machine() {
        assertThatThrownBy(() -> OidcSettings.of(URI.create("http://id.example/"), "breakwater", "s3cret", REDIRECT))
                .hasMessage("the OpenID issuer must be an https URL (http only on localhost): http://id.example/");
        assertThat(OidcSettings.of(URI.create("http://127.0.0.1:8180/realms/x"), "breakwater", "s3cret", REDIRECT)
                .issuer().getPort()).isEqualTo(8180);
    }

    @Test
    void settings_that_cannot_work_are_refused_with_the_reason() {
        assertThatThrownBy(() -> new OidcSettings(ISSUER, "breakwater", "s3cret", REDIRECT, "profile email",
                "preferred_username", Optional.empty(), Optional.empty(), Map.of()))
                .hasMessage("the OpenID scopes must include 'openid': profile email");
        assertThatThrownBy(() -> OidcSettings.of(ISSUER, " ", "s3cret", REDIRECT))
                .hasMessage("the OpenID client id must not be empty");
        assertThatThrownBy(() -> new OidcSettings(ISSUER, "breakwater", "s3cret", REDIRECT, "openid",
                "preferred_username", Optional.empty(), Optional.of("admins"), Map.of()))
                .hasMessage("mapping OpenID groups to roles needs the claim that holds the groups");
    }
}
