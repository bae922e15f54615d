package org.breakwater.meeting;

import java.util.Locale;
import java.util.Optional;

/** What became of one matched minutes item. */
public enum ItemState {
    /** Matched to one plan or service, and its evidence or decision recorded. */
    APPLIED,
    /** Matched, but there was nothing to record (a service no open plan ships) or the plan refused it. */
    NOTED,
    /** Ambiguous: waits for a person to pick the candidate it means; never applied before. */
    PENDING,
    /** Was ambiguous; a person picked one candidate and it was applied. */
    CONFIRMED,
    /** Was ambiguous; a person said it means none of the candidates. */
    REJECTED,
    /** Names nothing Breakwater knows (an {@code #agreed} line), or a reference to no plan: shown with why. */
    UNMATCHED,
    /**
     * A service's classification agreed when no open plan shipped the service: kept, and recorded as
     * the {@code meeting-decision} of each later plan that ships it (unless a newer meeting said otherwise).
     */
    KEPT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemState> parse(String s) {
        for (ItemState v : values()) {
            if (v.id().equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
