package org.breakwater.catalog;

import java.util.Locale;
import java.util.Optional;

/** What kind of code calls a service's API. */
public enum ConsumerKind {
    /** Another service of the catalog (or a part of one). */
    SERVICE,
    /** A client library other programs use. */
    LIBRARY,
    /** A cron job or script. */
    SCRIPT,
    /** An outside team's tool. */
    TOOL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsumerKind> parse(String text) {
        for (ConsumerKind k : values()) {
            if (k.id().equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
