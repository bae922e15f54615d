package org.breakwater.announce;

import java.util.Locale;
import java.util.Optional;

/**
 * What an announcement is, and the plan gate its sending satisfies (docs/announcements.md).
 */
public enum Kind {
    /** The usual planned-outage notice. */
    OUTAGE_NOTICE("outage-notice"),
    /** The separate notice that an API-breaking update is planned for a date. */
    API_BREAK_NOTICE("api-break-notice"),
    /** The call for testing in staging, which says at its top whether the API breaks. */
    CALL_FOR_TESTING(null),
    /** A reminder at one of the policy's lead times. */
    REMINDER("reminders"),
    /** The deployment has started. */
    STARTED(null),
    /** The deployment is done. */
    DONE(null),
    /** The deployment was rolled back. */
    ROLLED_BACK(null),
    /** Direct word to the owners of one affected consumer: only the operations it uses. */
    CONSUMER_NOTICE(null);

    private final String gate;

    Kind(String gate) {
        this.gate = gate;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The gate a sent announcement of this kind satisfies, if any. */
    public Optional<String> gate() {
        return Optional.ofNullable(gate);
    }

    public static Optional<Kind> parse(String text) {
        for (Kind k : values()) {
            if (k.id().equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
