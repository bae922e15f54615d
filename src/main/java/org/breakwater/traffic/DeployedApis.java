package org.breakwater.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;

/**
 * Which API description a service's environment ran at any moment, from its deployment
 * records, and a matcher for each description (built once per description, not per request).
 * A request is matched against the description deployed when it was made.
 */
final class DeployedApis {
    private final List<Deployment> timeline;
    private final Map<String, Optional<OperationMatcher>> matchers = new HashMap<>();
    private final CatalogService catalog;

    DeployedApis(CatalogService catalog, String service, String environment) {
        this.catalog = catalog;
        List<Deployment> all = new ArrayList<>(catalog.history(service, Optional.of(environment), Integer.MAX_VALUE));
        all.sort(Comparator.comparing(Deployment::at));
        this.timeline = all;
    }

    boolean isEmpty() {
        return timeline.isEmpty();
    }

    /** The matcher of the description deployed at {@code at}: the last deployment at or before it. */
    Optional<OperationMatcher> at(Instant at) {
        int lo = 0;
        int hi = timeline.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!timeline.get(mid).at().isAfter(at)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        Optional<String> hash = timeline.get(found).apiHash();
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return matchers.computeIfAbsent(hash.get(), h -> catalog.api(h).map(OperationMatcher::of));
    }
}
