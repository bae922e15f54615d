package org.breakwater.staging.schedule;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.breakwater.App;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.SuiteRuns;
import org.breakwater.staging.SuiteScheduler;
import org.breakwater.staging.run.ProcessLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suites' schedule inside {@code serve}: on start, runs a stopped Breakwater left going are
 * marked interrupted; then every {@link #TICK_SECONDS} seconds the due suites this instance takes
 * (docs/decisions/0012) run on a small pool. Closing stops taking and kills running suites' trees.
 */
public final class ScheduleJob implements AutoCloseable {
    static final long TICK_SECONDS = 30;
    static final int RUNNERS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleJob.class);

    private final ScheduledExecutorService timer;
    private final ExecutorService runners;

    private ScheduleJob(ScheduledExecutorService timer, ExecutorService runners) {
        this.timer = timer;
        this.runners = runners;
    }

    /** Starts the schedule for {@code app}, opening secrets with {@code secrets}. */
    public static ScheduleJob start(App app, SecretBox secrets) {
        ExecutorService runners = Executors.newFixedThreadPool(RUNNERS, daemon("breakwater-suite-run"));
        SuiteRuns runs = app.suiteRuns(secrets, ProcessLauncher.standard());
        SuiteScheduler scheduler = app.suiteScheduler(runs, owner(), runners);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("breakwater-schedule"));
        timer.execute(() -> {
            int n = runs.recoverInterrupted();
            if (n > 0) {
                LOG.warn("staging: marked {} run(s) left going by a stopped Breakwater interrupted", n);
            }
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                List<String> taken = scheduler.tick();
                if (!taken.isEmpty()) {
                    LOG.info("staging: running due suite(s) {}", taken);
                }
                LOG.debug("staging: tick done, {} suite(s) taken here", taken.size()); // tests wait on each instance's
            } catch (RuntimeException e) {
                LOG.error("staging: the schedule's tick failed, tried again in {} s: {}", TICK_SECONDS, e.toString(), e);
            }
        }, 1, TICK_SECONDS, TimeUnit.SECONDS);
        return new ScheduleJob(timer, runners);
    }

    /** This instance in the store: host and process id. */
    static String owner() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        runners.shutdownNow(); // interrupts waiting launches, which kill their process trees
    }
}
