package org.breakwater.deployday.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.traffic.OperationMatcher;

/**
 * Where a release of a plan reached the plan's environment: its recorded deployment there (from
 * {@code baseline} before the plan's start on), and the description that ran before it, which names
 * the operations unmatched calls after it were meant for. The detector and the board's live error
 * rates both compare the calls before and after it.
 *
 * @param before the operations of the version deployed before, if its description is recorded
 */
public record CutOver(Deployment deployment, Optional<OperationMatcher> before) {
    /** The cut-over of {@code release}, if it is deployed yet. */
    public static Optional<CutOver> of(CatalogService catalog, Plan plan, PlannedRelease release, Duration baseline) {
        List<Deployment> history = new ArrayList<>(catalog.history(release.service(), Optional.of(plan.environment()),
                1000));
        history.sort(Comparator.comparing(Deployment::at));
        return history.stream().filter(d -> d.version().equals(release.version())
                && !d.at().isBefore(plan.start().minus(baseline))).findFirst().map(cut -> new CutOver(cut,
                history.stream().filter(d -> d.at().isBefore(cut.at())).reduce((a, b) -> b)
                        .flatMap(Deployment::apiHash).flatMap(catalog::api).map(OperationMatcher::of)));
    }

    /** The start of the cut-over's minute: the buckets from it on are judged as after the cut-over. */
    public java.time.Instant minute() {
        return deployment.at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    /**
     * For an unmatched call ({@code "? METHOD /path"}), the key of the operation the description before
     * had for it, if any; {@code names} gains that operation as its description wrote it.
     */
    public Optional<String> removed(String unmatched, Map<String, String> names) {
        String[] parts = unmatched.split(" ", 3);
        if (before.isEmpty() || parts.length < 3) {
            return Optional.empty();
        }
        OperationMatcher old = before.get();
        Optional<String> key = old.matchKey(parts[1], parts[2]);
        key.ifPresent(k -> names.computeIfAbsent(k, x -> old.match(parts[1], parts[2])
                .map(o -> o.method().toUpperCase(Locale.ROOT) + " " + o.path()).orElse(x)));
        return key;
    }
}
