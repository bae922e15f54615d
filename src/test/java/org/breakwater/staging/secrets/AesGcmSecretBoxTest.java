package org.breakwater.staging.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.staging.SealedSecret;
import org.breakwater.staging.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets sealed with AES-GCM: what a right key opens, and what a wrong, missing or bad key refuses. */
class AesGcmSecretBoxTest {
    static final byte[] KEY = new byte[32];
    static final byte[] OTHER = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
            OTHER[i] = (byte) (100 + i);
        }
    }

    @TempDir
    Path dir;

    static SealedSecret sealed(SecretBox box, String suite, String name, String value) {
        return ((SecretBox.Opened.Done<SealedSecret>) box.seal(suite, name, value)).value();
    }

    @Test
    void a_sealed_secret_opens_with_its_key_and_its_ciphertext_does_not_hold_the_value() {
        SecretBox box = new AesGcmSecretBox(KEY);
        SealedSecret s = sealed(box, "pkgdb-e2e", "PASSWORD", "hunter2-secret");
        assertThat(s.sealed() + s.nonce()).doesNotContain("hunter2");
        assertThat(new String(Base64.getDecoder().decode(s.sealed()))).doesNotContain("hunter2");
        assertThat(sealed(box, "pkgdb-e2e", "PASSWORD", "hunter2-secret").nonce()).as("a fresh nonce each time")
                .isNotEqualTo(s.nonce());
        assertThat(box.open("pkgdb-e2e", List.of(s))).isEqualTo(new SecretBox.Opened.Done<>(Map.of("PASSWORD",
                "hunter2-secret")));
    }

    @Test
    void a_wrong_key_opens_nothing_and_says_so() {
        SecretBox right = new AesGcmSecretBox(KEY);
        List<SealedSecret> secrets = List.of(sealed(right, "s", "A", "one"), sealed(right, "s", "B", "two"));
        SecretBox.Opened<Map<String, String>> opened = new AesGcmSecretBox(OTHER).open("s", secrets);
        assertThat(opened).isInstanceOf(SecretBox.Opened.Refused.class);
        assertThat(((SecretBox.Opened.Refused<Map<String, String>>) opened).reason())
                .contains("was sealed with key " + right.keyId().orElseThrow()).contains("nothing was opened");
    }

    @Test
    void a_ciphertext_moved_to_another_suite_or_changed_does_not_open() {
        SecretBox box = new AesGcmSecretBox(KEY);
        SealedSecret s = sealed(box, "a", "PASSWORD", "value");
        assertThat(box.open("b", List.of(s))).isInstanceOf(SecretBox.Opened.Refused.class);
        byte[] bytes = Base64.getDecoder().decode(s.sealed());
        bytes[0] ^= 1;
        SealedSecret damaged = new SealedSecret(s.name(), s.nonce(), Base64.getEncoder().encodeToString(bytes), s.keyId());
        assertThat(box.open("a", List.of(s, damaged))).isInstanceOf(SecretBox.Opened.Refused.class);
    }

    @Test
    void the_key_comes_from_the_file_the_settings_name_else_from_the_variable() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), Base64.getEncoder().encodeToString(KEY) + "\n");
        String id = new AesGcmSecretBox(KEY).keyId().orElseThrow();
        assertThat(SecretsKey.box(Optional.of(file), Map.of()).keyId()).contains(id);
        assertThat(SecretsKey.box(Optional.empty(), Map.of(SecretsKey.FILE_VARIABLE, file.toString())).keyId()).contains(id);
        assertThat(SecretsKey.box(Optional.empty(), Map.of(SecretsKey.VARIABLE, Base64.getEncoder().encodeToString(KEY)))
                .keyId()).contains(id);
    }

    @Test
    void a_missing_unreadable_or_malformed_key_refuses_with_the_reason_and_seals_nothing() throws Exception {
        SealedSecret stored = sealed(new AesGcmSecretBox(KEY), "s", "A", "one");
        assertThat(reason(SecretsKey.box(Optional.empty(), Map.of()), stored)).contains("no secrets key")
                .contains("BREAKWATER_SECRETS_KEY_FILE");
        assertThat(reason(SecretsKey.box(Optional.of(dir.resolve("absent")), Map.of()), stored))
                .contains("the secrets key file " + dir.resolve("absent") + " cannot be read");
        Path bad = Files.writeString(dir.resolve("bad"), "not base64 !!");
        assertThat(reason(SecretsKey.box(Optional.of(bad), Map.of()), stored)).contains("does not hold a base64 key");
        Path shortKey = Files.writeString(dir.resolve("short"), Base64.getEncoder().encodeToString(new byte[16]));
        assertThat(reason(SecretsKey.box(Optional.of(shortKey), Map.of()), stored)).contains("holds 16 bytes");
        assertThat(SecretsKey.box(Optional.empty(), Map.of()).seal("s", "A", "x"))
                .isInstanceOf(SecretBox.Opened.Refused.class);
    }

    private static String reason(SecretBox box, SealedSecret stored) {
        return ((SecretBox.Opened.Refused<Map<String, String>>) box.open("s", List.of(stored))).reason();
    }
}
