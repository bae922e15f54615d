package org.breakwater.staging;

import java.util.List;
import java.util.Map;

/**
 * Seals and opens suites' secrets. The key lives outside the store (a file or an environment
 * variable the settings name); without it nothing can be sealed or opened.
 */
public interface SecretBox {
    /** The secret sealed for {@code suite}; the suite and secret names are bound to it. */
    Opened<SealedSecret> seal(String suite, String name, String value);

    /** All of a suite's secrets in the clear, or why none could be opened (nothing half-opened). */
    Opened<Map<String, String>> open(String suite, List<SealedSecret> secrets);

    /** The fingerprint of the key in use, if there is one. */
    java.util.Optional<String> keyId();

    /** A value, or why it could not be had (no key, a wrong key, a damaged ciphertext). */
    sealed interface Opened<T> permits Opened.Done, Opened.Refused {
        record Done<T>(T value) implements Opened<T> {
        }

        record Refused<T>(String reason) implements Opened<T> {
        }
    }

    /** No key configured: refuses everything, saying how to give one. */
    SecretBox NONE = new SecretBox() {
        @Override
        public Opened<SealedSecret> seal(String suite, String name, String value) {
            return new Opened.Refused<>(MISSING);
        }

        @Override
        public Opened<Map<String, String>> open(String suite, List<SealedSecret> secrets) {
            return secrets.isEmpty() ? new Opened.Done<>(Map.of()) : new Opened.Refused<>(MISSING);
        }

        @Override
        public java.util.Optional<String> keyId() {
            return java.util.Optional.empty();
        }
    };

    String MISSING = "no secrets key: set BREAKWATER_SECRETS_KEY_FILE to a file holding a base64 256-bit key"
            + " (or BREAKWATER_SECRETS_KEY to the key itself); make one with: head -c 32 /dev/urandom | base64";
}
