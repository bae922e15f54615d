package org.breakwater.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.breakwater.App;
import org.breakwater.announce.AnnounceService;

/**
 * What {@code /metrics} shows, kept in Micrometer's Prometheus registry: requests per route
 * template, the outbox and the followed logs as the store knows them ({@link StoreGauges}),
 * the database pool (HikariCP's own binding), the JVM and the process. One per server.
 */
final class Metrics implements AutoCloseable {
    /** The text format Prometheus scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Latency buckets: bounded, and enough to alert on "slower than 1 s". */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final App app;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final StoreGauges store;
    private final DayGauges day;
    private final Counter delivered;
    private final Counter failed;

    Metrics(App app, AnnounceService announcements, org.breakwater.deployday.measures.MeasuresService measures) {
        this.app = app;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        app.database().measure(registry);
        store = new StoreGauges(announcements, app.traffic(), app.clock(), registry);
        day = new DayGauges(measures, app.clock(), registry);
        delivered = Counter.builder("breakwater.outbox.delivered").description("Outbox entries delivered.")
                .register(registry);
        failed = Counter.builder("breakwater.outbox.delivery.failures")
                .description("Outbox delivery attempts that failed (the entry waits to be tried again).").register(registry);
    }

    /** Counts one answered request under its route template (never the raw path) and times it. */
    void request(String method, String route, int status, double millis) {
        Counter.builder("breakwater.http.requests").description("HTTP requests answered.")
                .tags("method", method, "route", route, "status", Integer.toString(status)).register(registry).increment();
        Timer.builder("breakwater.http.request").description("Time spent answering HTTP requests.")
                .tags("method", method, "route", route, "status_class", status / 100 + "xx")
                .serviceLevelObjectives(BUCKETS).register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    /** Counts what one delivery round did. */
    void delivery(AnnounceService.Delivery d) {
        delivered.increment(d.delivered());
        failed.increment(d.failed());
    }

    /** Everything, in Prometheus' text format; what the store knows is read at most every few seconds. */
    String text() {
        store.refresh();
        day.refresh();
        return registry.scrape();
    }

    @Override
    public void close() {
        app.database().unmeasure(registry);
        gc.close();
        registry.close();
    }
}
