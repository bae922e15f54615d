package org.breakwater.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.measures.FourKeys;
import org.breakwater.deployday.measures.Measures;
import org.breakwater.deployday.measures.MeasuresService;

/**
 * DORA's four keys as Prometheus gauges, per service, per team and for everything (tags
 * {@code kind} = service|team|all, {@code group}), over the last {@value #DAYS} days: computed from
 * the store at most every {@link #FRESH} (deployment history changes slowly; scrapes come often).
 */
final class DayGauges {
    static final int DAYS = 90;
    static final Duration FRESH = Duration.ofMinutes(1);

    private final MeasuresService measures;
    private final Clock clock;
    private final MultiGauge perWeek;
    private final MultiGauge leadTime;
    private final MultiGauge failureRate;
    private final MultiGauge restore;
    private Instant read = Instant.MIN;

    DayGauges(MeasuresService measures, Clock clock, MeterRegistry registry) {
        this.measures = measures;
        this.clock = clock;
        perWeek = MultiGauge.builder("breakwater.dora.deployments.per.week")
                .description("Production deployments per week over the last " + DAYS + " days.").register(registry);
        leadTime = MultiGauge.builder("breakwater.dora.lead.time").baseUnit("seconds")
                .description("Median lead time from the first staging deployment of a version to production.")
                .register(registry);
        failureRate = MultiGauge.builder("breakwater.dora.change.failure.rate")
                .description("Share of production deployments that were rolled back or had incidents (0 to 1).")
                .register(registry);
        restore = MultiGauge.builder("breakwater.dora.time.to.restore").baseUnit("seconds")
                .description("Median time from a failed production deployment to its rollback or last incident resolved.")
                .register(registry);
    }

    /** Computes the keys again when the last computation is older than {@link #FRESH}. */
    synchronized void refresh() {
        Instant now = clock.instant();
        if (read.plus(FRESH).isAfter(now)) {
            return;
        }
        read = now;
        try {
            if (!(measures.keys(DAYS) instanceof Outcome.Done<Measures> d)) {
                return;
            }
            List<Tagged> all = new ArrayList<>();
            all.add(new Tagged("all", d.value().all()));
            d.value().teams().forEach(k -> all.add(new Tagged("team", k)));
            d.value().services().forEach(k -> all.add(new Tagged("service", k)));
            register(perWeek, all, k -> Optional.of(k.perWeek()));
            register(leadTime, all, k -> k.leadTime().map(x -> (double) x.toSeconds()));
            register(failureRate, all, FourKeys::changeFailureRate);
            register(restore, all, k -> k.timeToRestore().map(x -> (double) x.toSeconds()));
        } catch (RuntimeException e) {
            // the last values stay; breakwater.store.reachable says whether the store answers
        }
    }

    private record Tagged(String kind, FourKeys keys) {
    }

    private static void register(MultiGauge gauge, List<Tagged> rows, Function<FourKeys, Optional<Double>> value) {
        gauge.register(rows.stream().filter(r -> value.apply(r.keys()).isPresent())
                .map(r -> MultiGauge.Row.of(Tags.of("kind", r.kind(), "group", r.keys().group()),
                        value.apply(r.keys()).get())).toList(), true);
    }
}
