package org.breakwater.deployday.measures;

import java.time.Instant;
import java.util.List;

/** The four keys over a window, per service and per team, with the weekly series the charts draw. */
public record Measures(Instant from, Instant to, FourKeys all, List<FourKeys> services, List<FourKeys> teams,
                       List<Week> weeks) {
    public Measures {
        services = List.copyOf(services);
        teams = List.copyOf(teams);
        weeks = List.copyOf(weeks);
    }

    /** Production deployments in the week starting {@code start}, and how many of them failed. */
    public record Week(Instant start, int deployments, int failures) {
    }
}
