package org.breakwater.deployday.detect;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The breakage detector inside {@code serve}: every {@link #TICK_SECONDS} seconds it judges the plans
 * in progress or settling with the policy's thresholds (the run is given: {@code App.detectBreakage}),
 * so logs ingested by a follower beside serve, or by plain ingests, are judged without a follower of
 * its own. Safe beside other detectors: incidents are keyed, opened once (decision 0015).
 */
public final class DetectJob implements AutoCloseable {
    /** One run a minute: the width of the buckets it judges. */
    public static final long TICK_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(DetectJob.class);

    private final ScheduledExecutorService timer;

    private DetectJob(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts running {@code run} (which returns a line per incident opened) on a daemon thread. */
    public static DetectJob start(Supplier<List<String>> run) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "breakwater-detect");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> tick(run), TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        return new DetectJob(timer);
    }

    /** One run: what it opened is logged; a failure is logged and the next tick tries again. */
    static void tick(Supplier<List<String>> run) {
        try {
            run.get().forEach(line -> LOG.warn("deployment day: {}", line));
        } catch (RuntimeException e) {
            LOG.error("deployment day: the breakage detector failed, tried again in {} s: {}", TICK_SECONDS,
                    e.toString(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
