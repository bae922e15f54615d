package org.breakwater.staging.replay;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends sampled calls to a candidate and its baselines and compares the answers: each call goes
 * to the baseline, to the second baseline when there is one (their differences are noise), and
 * to the candidate, in one worker; at most {@link ReplayLimits#concurrency()} calls are in flight
 * and at most {@link ReplayLimits#ratePerSecond()} start per second. Calls whose method is not
 * safe (GET, HEAD) and not allowed are skipped, never sent. Where the calls go is decided by the
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

    /** Replays {@code calls} (at most the limit's total), each to its service's endpoints, into {@code tally}. */
    public void run(List<ReplayCall> calls, Function<String, Endpoints> endpoints, ReplayTally tally)
            throws InterruptedException {
        Pacer pacer = new Pacer(limits.ratePerSecond());
        Semaphore inFlight = new Semaphore(limits.concurrency());
        ExecutorService workers = Executors.newFixedThreadPool(limits.concurrency(), r -> {
            Thread t = new Thread(r, "replay");
            t.setDaemon(true);
            return t;
        });
        try {
            int sent = 0;
            for (ReplayCall call : calls) {
                if (!limits.permits(call.method(), call.operation())) {
                    tally.skipped(call);
                    continue;
                }
                if (sent++ >= limits.maxCalls()) {
                    tally.capped();
                    break;
                }
                Endpoints to = endpoints.apply(call.service());
                inFlight.acquire();
                pacer.await();
                workers.execute(() -> {
                    try {
                        one(call, to, tally);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            inFlight.acquire(limits.concurrency()); // every call answered
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(limits.timeout().toMillis() * 4, TimeUnit.MILLISECONDS);
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
