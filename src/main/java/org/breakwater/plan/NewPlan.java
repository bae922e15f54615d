package org.breakwater.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.ApiDescription;

/**
 * What {@code plan create} asks for. {@code descriptions} are candidates' API descriptions by
 * service, when given as files; otherwise the description recorded with the release is used.
 */
public record NewPlan(String title, Map<String, String> releases, Map<String, ApiDescription> descriptions,
                      String environment, Instant start, Duration duration, String owner, Optional<String> ticket,
                      PlanStatus status) {
    public NewPlan {
        releases = Map.copyOf(releases);
        descriptions = Map.copyOf(descriptions);
    }

    public List<String> services() {
        return releases.keySet().stream().sorted().toList();
    }
}
