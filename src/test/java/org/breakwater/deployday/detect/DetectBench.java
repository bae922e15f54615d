package org.breakwater.deployday.detect;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.Follower;
import org.breakwater.traffic.PkgdbCutOver;
import org.breakwater.traffic.parse.LogFormat;

/**
 * Not a test: the detection benchmark (bench/detect.sh). Arguments: DIR latency SECONDS RATE INTERVAL
 * | DIR day LINES-PER-SIMULATED-SECOND POLL-MINUTES. "latency": a writer appends RATE lines/s to a
 * followed log in real time; every two seconds a new unknown script makes five failing calls;
 * the follower polls every INTERVAL s and runs the detector; prints, per probe, the time from its
 * fifth failing line written to its incident recorded. "day": a simulated 24 hours, faster than
 * real time, polled every POLL-MINUTES simulated minutes; prints the heap used after a GC each hour.
 */
public final class DetectBench {
    /** A clock the day run moves. */
    static final class SimClock extends Clock {
        volatile Instant now;

        SimClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        if (args[1].equals("latency")) {
            latency(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else {
            day(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }

    static App setUp(Path dir, Clock clock, Instant cut, Duration length) throws Exception {
        App app = App.open(new App.Settings(Optional.empty(), dir), clock);
        PkgdbCutOver.record(app, cut);
        new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "bench", List.of(new PlannedRelease("pkgdb",
                "2.0.0", Optional.empty())), "production", cut, length, "pingou", Optional.empty(),
                PlanStatus.IN_PROGRESS, cut));
        return app;
    }

    static Follower follower(App app, Path log) {
        List<CallerRule> rules = ((Outcome.Done<List<CallerRule>>) app.traffic().rules()).value();
        return app.follower("pkgdb", "production", LogFormat.combined(), List.of(log), rules, a -> Optional.empty());
    }

    static void latency(Path dir, int seconds, int rate, int interval) throws Exception {
        Instant cut = Instant.now().minusSeconds(120);
        Path log = dir.resolve("access_log");
        Files.writeString(log, "");
        Map<String, Long> written = new ConcurrentHashMap<>(); // probe caller -> nanoTime-ish epoch ms of its 5th line
        try (App app = setUp(dir, Clock.systemUTC(), cut, Duration.ofHours(4))) {
            Thread writer = new Thread(() -> write(log, seconds, rate, written));
            writer.start();
            Follower f = follower(app, log);
            Detector detector = app.detector(DetectionPolicy.defaults());
            List<Long> latencies = new ArrayList<>();
            long end = System.currentTimeMillis() + (seconds + 2L * interval + 2) * 1000L;
            while (System.currentTimeMillis() < end) {
                long t0 = System.currentTimeMillis();
                f.poll();
                for (Incident i : detector.active().opened()) {
                    String caller = i.consumer().orElse("");
                    Long at = written.get(caller);
                    if (at != null) {
                        latencies.add(i.recordedAt().toEpochMilli() - at);
                    }
                }
                Thread.sleep(Math.max(0, interval * 1000L - (System.currentTimeMillis() - t0)));
            }
            writer.join();
            Collections.sort(latencies);
            long p95 = latencies.isEmpty() ? -1 : latencies.get(Math.min(latencies.size() - 1,
                    (int) Math.ceil(latencies.size() * 0.95) - 1));
            long p50 = latencies.isEmpty() ? -1 : latencies.get(latencies.size() / 2);
            System.out.println("latency probes=" + written.size() + " incidents=" + latencies.size() + " p50_ms=" + p50
                    + " p95_ms=" + p95 + " max_ms=" + (latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1))
                    + " rate=" + rate + " interval_s=" + interval + " lines=" + (long) seconds * rate);
        }
    }

    /** Appends {@code rate} lines a second for {@code seconds}; every two seconds a probe's five failing calls. */
    static void write(Path log, int seconds, int rate, Map<String, Long> written) {
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.US_ASCII, StandardOpenOption.APPEND)) {
            long start = System.currentTimeMillis();
            int probe = 0;
            for (int s = 0; s < seconds; s++) {
                Instant now = Instant.now();
                for (int i = 0; i < rate; i++) {
                    w.write(DetectorContract.line("10.5.126." + (20 + i % 8), now, "GET /pkgdb/api/package/guake", 200,
                            "bodhi/2.0.0"));
                }
                if (s % 2 == 0) {
                    String agent = "probe-" + probe++ + "/1.0";
                    for (int k = 0; k < 5; k++) {
                        w.write(DetectorContract.line("192.0.2.1", now, "GET /pkgdb/acls/name/guake", 404, agent));
                    }
                    w.flush();
                    written.put("unknown (" + agent + " from 192.0.2.1)", System.currentTimeMillis());
                }
                w.flush();
                long next = start + (s + 1) * 1000L;
                Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void day(Path dir, int perSecond, int pollMinutes) throws Exception {
        Instant cut = Instant.parse("2014-06-02T00:00:00Z");
        SimClock clock = new SimClock(cut);
        Path log = dir.resolve("access_log");
        Files.writeString(log, "");
        long started = System.currentTimeMillis();
        try (App app = setUp(dir, clock, cut, Duration.ofHours(24))) {
            Follower f = follower(app, log);
            Detector detector = app.detector(DetectionPolicy.defaults());
            int opened = 0;
            long lines = 0;
            for (int minute = 0; minute < 24 * 60; minute += pollMinutes) {
                try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.US_ASCII, StandardOpenOption.APPEND)) {
                    for (int s = 0; s < pollMinutes * 60; s++) {
                        Instant t = cut.plusSeconds(minute * 60L + s);
                        for (int i = 0; i < perSecond; i++) {
                            boolean failing = i < 5 && s % 600 == 0; // a new script failing five times every ten minutes
                            w.write(DetectorContract.line(failing ? "192.0.2.1" : "10.5.126." + (20 + i % 8), t, failing
                                    ? "GET /pkgdb/acls/name/guake" : "GET /pkgdb/api/package/guake", failing ? 404 : 200,
                                    failing ? "script-" + (minute * 60 + s) + "/1.0" : "bodhi/2.0.0"));
                            lines++;
                        }
                    }
                }
                clock.now = cut.plusSeconds((minute + pollMinutes) * 60L);
                f.poll();
                opened += detector.active().opened().size();
                if ((minute + pollMinutes) % 60 == 0) {
                    System.gc();
                    Runtime r = Runtime.getRuntime();
                    System.out.println("day hour=" + (minute + pollMinutes) / 60 + " heap_used_mb="
                            + (r.totalMemory() - r.freeMemory()) / (1024 * 1024) + " lines=" + lines + " incidents="
                            + opened + " elapsed_s=" + (System.currentTimeMillis() - started) / 1000);
                }
            }
        }
    }
}
