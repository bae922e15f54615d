package org.breakwater.deployday.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The single-use links in roster invitations: 256 random bits, base64url, of which the store keeps
 * only the SHA-256 (as it does for API and feed tokens, docs/decisions/0016-roster-confirm-links.md).
 * A link is good once, until it expires; one nobody made hashes to nothing stored.
 */
public final class ConfirmLinks {
    private static final int BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    /** A new token to put in a link. */
    public String token() {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** What the store keeps of {@code token}. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** Whether {@code token} looks like one of ours (43 base64url characters); anything else is refused unread. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '-' || c == '_');
    }
}
