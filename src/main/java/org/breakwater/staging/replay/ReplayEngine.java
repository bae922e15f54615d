package org.breakwater.staging.replay;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends sampled calls to a candidate and its baselines and compares the answers: each call goes
 * to the baseline, to the second baseline when there is one (their differences are noise), and
 * to the candidate, in one worker; {@link ReplayLimits#concurrency()} workers, so at most that
 * many calls are in flight, and at most {@link ReplayLimits#ratePerSecond()} start per second.
 * Calls whose method is not safe (GET, HEAD) and not allowed are skipped, never sent. Where the calls go is decided by the
 * caller ({@link ReplayService} refuses production); this class only sends.
 */
public final class ReplayEngine {
    /** Where one service's calls go. */
    public record Endpoints(URI candidate, List<URI> baselines) {
        public Endpoints {
            baselines = List.copyOf(baselines);
            if (baselines.isEmpty() || baselines.size() > 2) {
                throw new IllegalArgumentException("one or two baselines, not " + baselines.size());
            }
        }
    }

    private final Fetcher fetcher;
    private final ReplayLimits limits;
    private final BodyComparator comparator = new BodyComparator();

    public ReplayEngine(Fetcher fetcher, ReplayLimits limits) {
        this.fetcher = fetcher;
        this.limits = limits;
    }

    /**
     * Replays {@code calls} (at most the limit's total), each to its service's endpoints, into {@code tally}.
     * {@link ReplayLimits#concurrency()} workers take the calls from one feed in turn, so no call
     * is handed from thread to thread.
     */
    public void run(List<ReplayCall> calls, Function<String, Endpoints> endpoints, ReplayTally tally)
            throws InterruptedException {
        Pacer pacer = new Pacer(limits.ratePerSecond());
        Feed feed = new Feed(calls.iterator(), tally);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < limits.concurrency(); i++) {
            Thread t = new Thread(() -> work(feed, pacer, endpoints, tally), "replay");
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            feed.stop();
            workers.forEach(Thread::interrupt);
            long until = System.nanoTime() + limits.timeout().toNanos() * 4;
            for (Thread t : workers) {
                TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, until - System.nanoTime()));
            }
            throw e;
        }
    }

    private void work(Feed feed, Pacer pacer, Function<String, Endpoints> endpoints, ReplayTally tally) {
        try {
            for (ReplayCall call = feed.next(); call != null; call = feed.next()) {
                Endpoints to = endpoints.apply(call.service());
                pacer.await();
                try {
                    one(call, to, tally);
                } catch (RuntimeException e) { // reported as a pool's worker would, and the replay goes on
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calls to send, in order: unsafe ones not allowed are skipped (never sent), and the total is capped. */
    private final class Feed {
        private final Iterator<ReplayCall> calls;
        private final ReplayTally tally;
        private int sent;
        private boolean done;

        Feed(Iterator<ReplayCall> calls, ReplayTally tally) {
            this.calls = calls;
            this.tally = tally;
        }

        synchronized ReplayCall next() {
            while (!done && calls.hasNext()) {
                ReplayCall call = calls.next();
                if (!limits.permits(call.method(), call.operation())) {
                    tally.skipped(call);
                    continue;
                }
                if (sent++ >= limits.maxCalls()) {
                    tally.capped();
                    done = true;
                    return null;
                }
                return call;
            }
            return null;
        }

        synchronized void stop() {
            done = true;
        }
    }

    private void one(ReplayCall call, Endpoints to, ReplayTally tally) {
        Answer baseline = fetcher.fetch(to.baselines().get(0), call.method(), call.target());
        List<Difference> noise = List.of();
        if (to.baselines().size() > 1) {
            noise = comparator.compare(baseline, fetcher.fetch(to.baselines().get(1), call.method(), call.target()));
        }
        Answer candidate = fetcher.fetch(to.candidate(), call.method(), call.target());
        tally.add(call, comparator.compare(baseline, candidate), noise);
    }

    /** Spaces the starts of calls to the rate. */
    static final class Pacer {
        private final long interval;
        private long next;

        Pacer(double rate) {
            this.interval = (long) (1_000_000_000L / rate);
        }

        void await() throws InterruptedException {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                if (next == 0 || next < now) {
                    next = now;
                }
                wait = next - now;
                next += interval;
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
