package org.breakwater.cli.common;

import java.util.Optional;

/** Who runs a command, when the user does not say: {@code $USER}, else "unknown". */
public final class Users {
    private Users() {
    }

    /** {@code given} (a --by option, say) when there is one, else {@link #current()}. */
    public static String or(String given) {
        return given != null ? given : current();
    }

    public static String current() {
        return Optional.ofNullable(System.getenv("USER")).filter(u -> !u.isBlank()).orElse("unknown");
    }
}
