package org.breakwater.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.traffic.Follower;
import org.breakwater.traffic.TrafficService;

/**
 * Gauges over what the store knows: the outbox entries waiting per channel and the age of the
 * oldest, and per followed log file how long ago its follower last read on (followers run as
 * {@code traffic follow} processes, not in the server, so the store is where their progress
 * shows). Read from the store at most every {@link #FRESH}, so scrapes cannot load it; ages are
 * counted at scrape time.
 */
final class StoreGauges {
    static final Duration FRESH = Duration.ofSeconds(5);

    private final AnnounceService announcements;
    private final TrafficService traffic;
    private final Clock clock;
    private final MultiGauge cursorAge;
    private final MultiGauge cursorPosition;
    private volatile Map<OutboxEntry.Channel, AnnounceRepository.Waiting> waiting = Map.of();
    private volatile boolean reachable = true;
    private Instant read = Instant.MIN;

    StoreGauges(AnnounceService announcements, TrafficService traffic, Clock clock, MeterRegistry registry) {
        this.announcements = announcements;
        this.traffic = traffic;
        this.clock = clock;
        for (OutboxEntry.Channel channel : OutboxEntry.Channel.values()) {
            Gauge.builder("breakwater.outbox.waiting", () -> count(channel)).tag("channel", channel.id())
                    .description("Outbox entries waiting to be delivered (new ones and ones to retry).").register(registry);
            Gauge.builder("breakwater.outbox.oldest.age", () -> oldestAge(channel)).tag("channel", channel.id())
                    .baseUnit("seconds").description("Age of the oldest outbox entry waiting; 0 when none waits.")
                    .register(registry);
        }
        Gauge.builder("breakwater.store.reachable", () -> reachable ? 1 : 0)
                .description("1 when the last read of the store for these gauges worked, else 0.").register(registry);
        cursorAge = MultiGauge.builder("breakwater.ingest.since.read").baseUnit("seconds")
                .description("Per followed log file: time since its follower last read on.").register(registry);
        cursorPosition = MultiGauge.builder("breakwater.ingest.position").baseUnit("bytes")
                .description("Per followed log file: how far its follower has read.").register(registry);
    }

    /** Reads the store again when the last read is older than {@link #FRESH}. */
    synchronized void refresh() {
        Instant now = clock.instant();
        if (read.plus(FRESH).isAfter(now)) {
            return;
        }
        read = now;
        try {
            Map<OutboxEntry.Channel, AnnounceRepository.Waiting> w = new EnumMap<>(OutboxEntry.Channel.class);
            announcements.waiting().forEach(x -> w.put(x.channel(), x));
            waiting = w;
            List<Follower.Cursor> cursors = traffic.cursors();
            cursorAge.register(cursors.stream().map(c -> MultiGauge.Row.of(tags(c), c, x -> secondsSince(x.updated())))
                    .toList(), true);
            cursorPosition.register(cursors.stream().map(c -> MultiGauge.Row.of(tags(c), c.position())).toList(), true);
            reachable = true;
        } catch (RuntimeException e) {
            reachable = false; // the last values stay; the gauge above says they are old
        }
    }

    private static Tags tags(Follower.Cursor c) {
        return Tags.of("service", c.service(), "environment", c.environment(), "path", c.path());
    }

    private double count(OutboxEntry.Channel channel) {
        AnnounceRepository.Waiting w = waiting.get(channel);
        return w == null ? 0 : w.count();
    }

    private double oldestAge(OutboxEntry.Channel channel) {
        AnnounceRepository.Waiting w = waiting.get(channel);
        return w == null ? 0 : secondsSince(w.oldest());
    }

    private double secondsSince(Instant t) {
        return Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0);
    }
}
