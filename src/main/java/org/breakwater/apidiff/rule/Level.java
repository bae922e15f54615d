package org.breakwater.apidiff.rule;

import java.util.Locale;

/**
 * How bad a change is for the clients of an API. The test for every rule: could a client
 * that worked against the old version fail, or silently behave differently, against the
 * new one? If any client could, the change is BREAKING; if only unusually strict clients
 * could notice, it is a WARNING; otherwise it is INFO.
 */
public enum Level {
    BREAKING, WARNING, INFO;

    /** "Breaking", "Warning", "Info": for headings. */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this level is at least as severe as {@code threshold}. */
    public boolean reaches(Level threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static java.util.Optional<Level> parse(String s) {
        for (Level l : values()) {
            if (l.id().equalsIgnoreCase(s)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }
}
