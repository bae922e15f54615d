package org.breakwater.staging;

import java.util.Objects;

/**
 * A suite's secret as stored: AES-GCM {@code nonce} and {@code sealed} text (ciphertext and tag),
 * both base64, and {@code keyId}, a fingerprint of the key that sealed it, so a wrong key is named
 * as such. The clear value never leaves {@link SecretBox#open}.
 */
public record SealedSecret(String name, String nonce, String sealed, String keyId) {
    public SealedSecret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(keyId, "keyId");
    }
}
