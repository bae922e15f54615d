package org.breakwater.staging.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One way an operation answers differently, over every replayed call that showed it: how many
 * calls, which callers made them, the most common values before and after, and a target that
 * showed it. {@code noise} when the baselines differ there too (or the path is configured as
 * noise): such a group explains nothing and needs no acknowledgement.
 */
public record DifferenceGroup(String service, String operation, Difference.Kind kind, String path, String was, String is,
                              long calls, List<CallerCalls> callers, String example, boolean noise) {
    public DifferenceGroup {
        callers = List.copyOf(callers);
    }

    /** A caller and how many of its replayed calls showed a difference. */
    public record CallerCalls(String caller, boolean known, long calls) {
    }

    /** A stable short name for acknowledging this difference, the same in every replay of the service. */
    public String key() {
        return key(service, operation, kind, path);
    }

    public static String key(String service, String operation, Difference.Kind kind, String path) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((service + "\n" + operation + "\n" + kind + "\n" + path)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "`$.branch` value changed: was `devel`, is `master`". */
    public String describe() {
        return new Difference(kind, path, was, is).describe();
    }

    /** "bodhi-pkgdb-client: 120 sampled calls to GET /acls/name/{}: `$.branch` value changed: was `devel`, is `master`". */
    public List<String> byCaller() {
        return callers.stream().map(c -> c.caller() + ": " + c.calls() + " sampled call" + (c.calls() == 1 ? "" : "s")
                + " to " + operation + ": " + describe()).toList();
    }
}
