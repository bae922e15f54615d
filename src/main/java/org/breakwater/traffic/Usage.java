package org.breakwater.traffic;

import java.time.Instant;

/**
 * How often one caller called one operation of a service in one environment, and when first
 * and last. {@code operation} is the operation's key ({@code GET /packages/{}}), or, for a call
 * no deployed description contains, {@code "? METHOD /path"}.
 */
public record Usage(String service, String environment, String caller, boolean known, String operation, long count,
                    Instant firstSeen, Instant lastSeen) {
    /** A call matching no operation of the description, by its method and path. */
    public static String unmatched(String method, String path) {
        return "? " + method + " " + path;
    }

    public boolean matched() {
        return !operation.startsWith("? ");
    }
}
