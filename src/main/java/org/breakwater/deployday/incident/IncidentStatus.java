package org.breakwater.deployday.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an incident stands: open, acknowledged (someone is on it), resolved, or merged into another. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, MERGED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still needs someone: open or acknowledged. */
    public boolean active() {
        return this == OPEN || this == ACKNOWLEDGED;
    }

    public static Optional<IncidentStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(text.strip())).findFirst();
    }
}
