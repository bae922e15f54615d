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
 * A request is matched against the description deployed when it was made. Thread-safe.
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

    /** When the service's environment was deployed, oldest first. */
    List<Instant> times() {
        return timeline.stream().map(Deployment::at).toList();
    }

    boolean isEmpty() {
        return timeline.isEmpty();
    }

    /** A span of time in which one description ran: from {@code from} (inclusive; null: always) until {@code until}. */
    record Window(Instant from, Instant until, Optional<OperationMatcher> matcher) {
        boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
        }
    }

    /** The matcher of the description deployed at {@code at}: the last deployment at or before it. */
    Optional<OperationMatcher> at(Instant at) {
        return window(at).matcher();
    }

    /** The span around {@code at} in which the same deployment ran, with its description's matcher. */
    synchronized Window window(Instant at) {
        int found = last(at);
        Instant from = found < 0 ? null : timeline.get(found).at();
        Instant until = found + 1 < timeline.size() ? timeline.get(found + 1).at() : null;
        return new Window(from, until, matcher(found));
    }

    /** The index of the last deployment at or before {@code at}, or -1. */
    private int last(Instant at) {
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
        return found;
    }

    private Optional<OperationMatcher> matcher(int found) {
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
