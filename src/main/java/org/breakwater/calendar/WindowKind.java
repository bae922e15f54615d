package org.breakwater.calendar;

import java.util.Locale;
import java.util.Optional;

/** What a calendar window stands for: a release of the distribution, or a freeze of changes. */
public enum WindowKind {
    RELEASE("release"), FREEZE("freeze");

    private final String id;

    WindowKind(String id) {
        this.id = id;
    }

    /** The stable name used in files and on the command line. */
    public String id() {
        return id;
    }

    /** The kind whose id is {@code text} (case-insensitive), if any. */
    public static Optional<WindowKind> fromId(String text) {
        for (WindowKind k : values()) {
            if (k.id.equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
