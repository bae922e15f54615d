package org.breakwater.deployday.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad an incident is: critical (a consumer is down), major (failing calls), minor. */
public enum Severity {
    CRITICAL, MAJOR, MINOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(text.strip())).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Severity::id).toList());
    }
}
