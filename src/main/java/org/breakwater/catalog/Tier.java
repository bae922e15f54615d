package org.breakwater.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of the infrastructure stops when a service does. The deployment policy asks the
 * most of essential services and exempts leaf services.
 */
public enum Tier {
    /** Others cannot work without it (the account system, the package database, the build system). */
    ESSENTIAL,
    /** Widely used, but its outage or API break needs a judgement call at the weekly meeting. */
    BORDERLINE,
    /** Nobody else depends on it in a way that breaks (wallpaper voting, badges). */
    LEAF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tier> parse(String text) {
        for (Tier t : values()) {
            if (t.id().equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
