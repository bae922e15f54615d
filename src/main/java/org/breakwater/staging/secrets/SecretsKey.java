package org.breakwater.staging.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.staging.SealedSecret;
import org.breakwater.staging.SecretBox;

/**
 * Where the secrets key comes from: the file named by {@code BREAKWATER_SECRETS_KEY_FILE} (or
 * {@code --secrets-key-file}), else the variable {@code BREAKWATER_SECRETS_KEY}; either holds the
 * 32-byte key in base64. Never from the store. A key that cannot be read gives a box that refuses
 * everything with the reason, so commands that need no secret still work.
 */
public final class SecretsKey {
    public static final String FILE_VARIABLE = "BREAKWATER_SECRETS_KEY_FILE";
    public static final String VARIABLE = "BREAKWATER_SECRETS_KEY";

    private SecretsKey() {
    }

    /** The box for the key {@code file} holds, else the key in {@code env}'s {@link #VARIABLE}, else none. */
    public static SecretBox box(Optional<Path> file, Map<String, String> env) {
        Optional<Path> f = file.or(() -> Optional.ofNullable(env.get(FILE_VARIABLE)).filter(s -> !s.isBlank())
                .map(Path::of));
        if (f.isPresent()) {
            String text;
            try {
                text = Files.readString(f.get(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                return refusing("the secrets key file " + f.get() + " cannot be read (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + ")");
            }
            return parse(text, "the secrets key file " + f.get());
        }
        String value = env.get(VARIABLE);
        if (value != null && !value.isBlank()) {
            return parse(value, "$" + VARIABLE);
        }
        return SecretBox.NONE;
    }

    private static SecretBox parse(String text, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return refusing(where + " does not hold a base64 key (make one with: head -c 32 /dev/urandom | base64)");
        }
        if (key.length != 32) {
            return refusing(where + " holds " + key.length + " bytes; a secrets key is 32 (head -c 32 /dev/urandom | base64)");
        }
        return new AesGcmSecretBox(key);
    }

    /** A box that refuses to seal or open anything, saying {@code why}. */
    static SecretBox refusing(String why) {
        return new SecretBox() {
            @Override
            public Opened<SealedSecret> seal(String suite, String name, String value) {
                return new Opened.Refused<>(why);
            }

            @Override
            public Opened<Map<String, String>> open(String suite, List<SealedSecret> secrets) {
                return secrets.isEmpty() ? new Opened.Done<>(Map.of()) : new Opened.Refused<>(why);
            }

            @Override
            public Optional<String> keyId() {
                return Optional.empty();
            }
        };
    }
}
