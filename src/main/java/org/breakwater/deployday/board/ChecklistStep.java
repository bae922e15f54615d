package org.breakwater.deployday.board;

import java.util.Locale;
import java.util.Optional;

/** The day's checklist, in order (docs/deployment-day.md). */
public enum ChecklistStep {
    PRE_CHECKS("Pre-checks done (gates, backups, people on the roster present)"),
    STARTED_NOTICE("\"Started\" notice sent"),
    DEPLOY("Deployed"),
    SMOKE_CHECKS("Smoke checks pass"),
    DONE_NOTICE("\"Done\" notice sent");

    private final String title;

    ChecklistStep(String title) {
        this.title = title;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title() {
        return title;
    }

    public static Optional<ChecklistStep> parse(String text) {
        for (ChecklistStep s : values()) {
            if (s.id().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
