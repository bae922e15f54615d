package org.breakwater.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a planned deployment is in its life: draft → scheduled → in progress → done | cancelled | rolled back. */
public enum PlanStatus {
    DRAFT, SCHEDULED, IN_PROGRESS, DONE, CANCELLED, ROLLED_BACK;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PlanStatus> parse(String text) {
        for (PlanStatus s : values()) {
            if (s.id().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The statuses this one may move to. */
    public Set<PlanStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> Set.of(DRAFT, IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> Set.of(DONE, ROLLED_BACK);
            case DONE, CANCELLED, ROLLED_BACK -> Set.of();
        };
    }

    /** Still to happen or happening: the plan's gates matter. */
    public boolean open() {
        return this == DRAFT || this == SCHEDULED || this == IN_PROGRESS;
    }
}
