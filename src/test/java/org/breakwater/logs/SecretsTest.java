package org.breakwater.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The masking every log line goes through: each kind of secret masked, everything else left as it was. */
class SecretsTest {
    @Test
    void a_password_in_a_jdbc_url_is_masked_and_the_rest_kept() {
        assertThat(Secrets.mask("jdbc:postgresql://db:5432/bw?user=bw&password=hunter2hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/bw?user=bw&password=****&ssl=true");
        assertThat(Secrets.mask("jdbc:sqlite:/var/lib/bw.db?password=p4ss;busy_timeout=50"))
                .isEqualTo("jdbc:sqlite:/var/lib/bw.db?password=****;busy_timeout=50");
    }

    @Test
    void the_password_of_a_user_in_a_url_is_masked() {
        assertThat(Secrets.mask("cannot reach amqp://breakwater:s3cret-bus@broker:5672/%2f: refused"))
                .isEqualTo("cannot reach amqp://breakwater:****@broker:5672/%2f: refused");
        assertThat(Secrets.mask("smtps://mailer:pw@smtp.example.org:465")).isEqualTo("smtps://mailer:****@smtp.example.org:465");
        assertThat(Secrets.mask("https://example.org/a:b@c")).isEqualTo("https://example.org/a:b@c");
    }

    @Test
    void a_feed_token_in_a_query_is_masked() {
        assertThat(Secrets.mask("GET /calendar.ics?token=bwf_abcdefghijklmnopqrstuv&x=1 200"))
                .isEqualTo("GET /calendar.ics?token=****&x=1 200");
        assertThat(Secrets.mask("/login/oidc/callback?code=abc123&state=xyz")).isEqualTo("/login/oidc/callback?code=****&state=xyz");
    }

    @Test
    void authorization_and_cookie_headers_are_masked_to_the_end_of_their_value() {
        assertThat(Secrets.mask("Authorization: Bearer bw_abcdefghijklmnopqrstuvwxyz\r\nHost: x"))
                .isEqualTo("Authorization: ****\r\nHost: x");
        assertThat(Secrets.mask("Cookie: bw_session=abcdef; bw_csrf=123\nAccept: */*"))
                .isEqualTo("Cookie: ****\nAccept: */*");
        assertThat(Secrets.mask("Set-Cookie: bw_session=abc; Path=/")).isEqualTo("Set-Cookie: ****");
    }

    @Test
    void bearer_credentials_and_breakwater_tokens_are_masked_wherever_they_stand() {
        assertThat(Secrets.mask("sent Bearer abc.def.ghi then")).isEqualTo("sent Bearer **** then");
        assertThat(Secrets.mask("the token bw_0123456789abcdefABCDEF_- was revoked"))
                .isEqualTo("the token bw_**** was revoked");
        assertThat(Secrets.mask("bw_session=zzz")).isEqualTo("bw_session=****");
    }

    @Test
    void json_members_named_like_secrets_are_masked() {
        assertThat(Secrets.mask("{\"username\":\"alice\",\"password\":\"pw\\\"x\",\"n\":1}"))
                .isEqualTo("{\"username\":\"alice\",\"password\":\"****\",\"n\":1}");
        assertThat(Secrets.mask("{\"message\":\"path=\\\"/calendar.ics?token=bwf_x\\\"\"}"))
                .isEqualTo("{\"message\":\"path=\\\"/calendar.ics?token=****\\\"\"}");
    }

    @Test
    void text_without_secrets_is_left_alone() {
        String plain = "method=GET path=/api/v1/services status=200 ms=1.5 bytes=12 remote=127.0.0.1 user=alice"
                + " id=0123456789abcdef; tokens issued: 3; session ended; bypass=1";
        assertThat(Secrets.mask(plain)).isEqualTo(plain);
        assertThat(Secrets.mask("")).isEmpty();
        assertThat(Secrets.mask(null)).isNull();
    }
}
