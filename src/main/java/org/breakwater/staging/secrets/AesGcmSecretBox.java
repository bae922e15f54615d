package org.breakwater.staging.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.breakwater.staging.SealedSecret;
import org.breakwater.staging.SecretBox;

/**
 * Suites' secrets sealed with AES-GCM (the JDK's javax.crypto; 256-bit key, a fresh random 96-bit
 * nonce per value, 128-bit tag), the suite and secret names bound in as additional data. The key
 * comes from outside the store ({@link SecretsKey}); its fingerprint (the first 8 bytes of the
 * SHA-256 of "breakwater-secrets" and the key, hex) is stored beside each ciphertext so a wrong key
 * is named as such before anything is tried.
 */
public final class AesGcmSecretBox implements SecretBox {
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public AesGcmSecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a secrets key is 32 bytes (256 bits), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = fingerprint(key);
    }

    static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("breakwater-secrets".getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha.digest(key);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static byte[] aad(String suite, String name) {
        return (suite + "\0" + name).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Opened<SealedSecret> seal(String suite, String name, String value) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(suite, name));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return new Opened.Done<>(new SealedSecret(name, b64.encodeToString(nonce), b64.encodeToString(sealed), keyId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java", e);
        }
    }

    @Override
    public Opened<Map<String, String>> open(String suite, List<SealedSecret> secrets) {
        for (SealedSecret s : secrets) {
            if (!s.keyId().equals(keyId)) {
                return new Opened.Refused<>("secret " + s.name() + " of " + suite + " was sealed with key " + s.keyId()
                        + ", the key given is " + keyId + ": give the key it was sealed with (nothing was opened)");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (SealedSecret s : secrets) {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(s.nonce())));
                c.updateAAD(aad(suite, s.name()));
                out.put(s.name(), new String(c.doFinal(Base64.getDecoder().decode(s.sealed())), StandardCharsets.UTF_8));
            } catch (AEADBadTagException | IllegalArgumentException e) {
                out.clear();
                return new Opened.Refused<>("secret " + s.name() + " of " + suite + " does not open with this key: it was"
                        + " sealed with another key or for another suite, or it is damaged (nothing was opened)");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is missing from this Java", e);
            }
        }
        return new Opened.Done<>(out);
    }

    @Override
    public Optional<String> keyId() {
        return Optional.of(keyId);
    }
}
