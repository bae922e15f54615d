package org.breakwater.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(2_000);

    @Test
    void a_hash_names_its_function_and_cost_and_verifies_only_the_same_password() {
        String stored = hasher.hash("correct horse battery");
        assertThat(stored).matches("pbkdf2-sha256\\$2000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse battery", stored)).isTrue();
        assertThat(hasher.verify("correct horse batterY", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void each_hash_has_its_own_salt() {
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    void the_default_cost_is_owasps_figure_for_pbkdf2_sha256() {
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void a_hash_of_lower_cost_is_outdated_and_malformed_ones_never_match() {
        String cheap = new PasswordHasher(1_000).hash("correct horse battery");
        assertThat(hasher.verify("correct horse battery", cheap)).as("verifies at its own cost").isTrue();
        assertThat(hasher.outdated(cheap)).isTrue();
        assertThat(hasher.outdated(hasher.hash("x"))).isFalse();
        for (String bad : new String[] {"", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$0$AAAA$AAAA",
            "md5$1000$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA"}) {
            assertThat(hasher.verify("correct horse battery", bad)).as(bad).isFalse();
        }
        assertThat(hasher.verify("x", null)).isFalse();
    }
}
