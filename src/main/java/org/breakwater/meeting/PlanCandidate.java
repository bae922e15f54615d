package org.breakwater.meeting;

import java.util.List;

/**
 * A plan the minutes may speak of, as the store will hand it in (from {@code plan.Plan}: its id,
 * title and the services its releases ship). Kept as a plain record so this package stays free of
 * the plan feature.
 */
public record PlanCandidate(long id, String title, List<String> services) {
    public PlanCandidate {
        if (id < 1) {
            throw new IllegalArgumentException("plan ids start at 1");
        }
        title = title == null ? "" : title.strip();
        services = List.copyOf(services);
    }

    /** How a person writes this plan in a meeting: {@code BW-12}. */
    public String reference() {
        return "BW-" + id;
    }
}
