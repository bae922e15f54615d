package org.breakwater.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater user}: accounts made, listed, changed and disabled; bad input refused with nothing stored. */
class UserCommandTest {
    @TempDir
    Path dir;

    private final InputStream stdin = System.in;

    CliRun run(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return CliRun.run(args, List.of("--data-dir=" + dir.resolve("data")));
    }

    @BeforeEach
    void catalog() {
        assertThat(run("", "catalog", "import", "src/main/resources/demo/catalog").code()).isZero();
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    @Test
    void an_account_is_made_listed_given_a_new_password_and_disabled() {
        CliRun added = run("correct horse battery\n", "user", "add", "pingou", "--role", "service-owner", "--team",
                "infrastructure", "--password-stdin");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("Saved: pingou (service-owner of infrastructure)");
        CliRun sso = run("", "user", "add", "ralph", "--role", "admin", "--no-password");
        assertThat(sso.code()).as(sso.err()).isZero();
        assertThat(run("", "user", "list").out()).containsPattern("pingou\\s+service-owner\\s+infrastructure\\s+password")
                .containsPattern("ralph\\s+admin\\s+-\\s+oidc");
        CliRun passwd = run("another long secret\n", "user", "passwd", "pingou", "--password-stdin");
        assertThat(passwd.code()).as(passwd.err()).isZero();
        assertThat(passwd.out()).contains("Password changed: pingou");
        CliRun disabled = run("", "user", "disable", "pingou");
        assertThat(disabled.code()).isZero();
        assertThat(run("", "user", "list").out()).containsPattern("pingou .*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\s+"
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
    }

    @Test
    void bad_roles_teams_and_passwords_are_refused_and_no_account_is_made() {
        CliRun role = run("correct horse battery\n", "user", "add", "x", "--role", "root", "--password-stdin");
        assertThat(role.code()).isEqualTo(2);
        assertThat(role.err()).contains("--role is viewer, service-owner or admin, not 'root'");
        assertThat(run("", "user", "add", "x", "--role", "service-owner", "--no-password").err())
                .contains("a service owner needs --team");
        assertThat(run("", "user", "add", "x", "--role", "service-owner", "--team", "nobody", "--no-password").err())
                .contains("unknown team 'nobody'");
        CliRun shortOne = run("short\n", "user", "add", "x", "--role", "viewer", "--password-stdin");
        assertThat(shortOne.code()).isEqualTo(2);
        assertThat(shortOne.err()).contains("at least 10 characters");
        assertThat(run("", "user", "add", "x", "--role", "viewer", "--password-stdin").err())
                .contains("--password-stdin read no password");
        assertThat(run("", "user", "add", "x", "--role", "viewer").err())
                .contains("no terminal to ask for the password; use --password-stdin");
        assertThat(run("", "user", "add", "bad name", "--role", "viewer", "--no-password").err())
                .contains("a user name is letters, digits");
        assertThat(run("x-long-password\n", "user", "passwd", "nobody", "--password-stdin").err())
                .contains("no account 'nobody'");
        assertThat(run("", "user", "disable", "nobody").code()).isEqualTo(2);
        assertThat(run("", "user", "list").out().lines().count()).as("only the header").isEqualTo(1);
    }

    @Test
    void serve_refuses_an_unknown_reading_mode() {
        CliRun r = run("", "serve", "--read", "everyone");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--read is open or login, not 'everyone'");
        assertThat(run("", "serve", "--oidc-admin-group", "sysadmin-main").err())
                .contains("the --oidc-* options need --oidc-issuer");
        if (System.getenv("BREAKWATER_OIDC_CLIENT_SECRET") == null) {
            CliRun noSecret = run("", "serve", "--oidc-issuer", "https://id.example.org");
            assertThat(noSecret.code()).isEqualTo(2);
            assertThat(noSecret.err()).contains("needs the client secret in $BREAKWATER_OIDC_CLIENT_SECRET");
        }
    }

    @Test
    void feed_tokens_are_made_for_active_accounts_listed_and_revoked() {
        assertThat(run("", "user", "add", "ralph", "--role", "viewer", "--no-password").code()).isZero();
        CliRun made = run("", "token", "feed", "create", "--user", "ralph");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).containsPattern("Feed token 1 \\(ralph\\): bwf_[A-Za-z0-9_-]{40,}").contains("?token=");
        CliRun nobody = run("", "token", "feed", "create", "--user", "nobody");
        assertThat(nobody.code()).isEqualTo(2);
        assertThat(nobody.err()).contains("no active account 'nobody'");
        assertThat(run("", "token", "feed", "list").out()).containsPattern("1\\s+ralph\\s+\\d{4}-.*UTC\\s+-")
                .doesNotContain("bwf_");
        assertThat(run("", "token", "list").out()).as("API tokens are another list").doesNotContain("ralph");
        assertThat(run("", "token", "feed", "revoke", "1").out()).contains("Feed token 1 revoked.");
        CliRun again = run("", "token", "feed", "revoke", "1");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("no active feed token 1");
    }

    @Test
    void serve_refuses_a_proxy_that_is_not_an_address_and_a_public_url_that_is_not_http() {
        CliRun proxy = run("", "serve", "--trusted-proxy", "proxy.example.org");
        assertThat(proxy.code()).isEqualTo(2);
        assertThat(proxy.err()).contains("--trusted-proxy is an IP address or block such as 10.0.0.0/8, not"
                + " 'proxy.example.org'");
        assertThat(run("", "serve", "--trusted-proxy", "10.0.0.0/33").code()).isEqualTo(2);
        CliRun url = run("", "serve", "--public-url", "ftp://breakwater.example.org");
        assertThat(url.code()).isEqualTo(2);
        assertThat(url.err()).contains("--public-url is an http or https URL with a host");
    }
}
