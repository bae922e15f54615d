package org.breakwater.staging.replay;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Not a test: the replay engine end to end for bench/replay.sh. Arguments: BASELINE-URL
 * CANDIDATE-URL CALLS [CONCURRENCY]. Sends the CALLS sampled GETs of {@link ReplayData} to both
 * servers through {@link HttpFetcher} and {@link ReplayEngine}, compares every pair into a
 * {@link ReplayTally}, and prints the pairs per second, the process's CPU time per pair (whole
 * run, and the last four fifths once the JIT has warmed up) and what it found.
 */
public final class ReplayBench {
    public static void main(String[] args) throws Exception {
        URI baseline = URI.create(args[0]);
        URI candidate = URI.create(args[1]);
        int n = Integer.parseInt(args[2]);
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        List<ReplayCall> calls = ReplayData.calls(n, 20261205);
        Set<String> targets = new HashSet<>();
        Set<String> callers = new HashSet<>();
        calls.forEach(c -> {
            targets.add(c.target());
            callers.add(c.caller());
        });
        ReplayLimits limits = new ReplayLimits(concurrency, 100_000, Duration.ofSeconds(30), n, ReplayLimits.BODY_LIMIT,
                Set.of());
        ReplayTally tally = new ReplayTally(new Noise(Set.of("$.generated")));
        Function<String, ReplayEngine.Endpoints> to = s -> new ReplayEngine.Endpoints(candidate, List.of(baseline));
        ReplayEngine engine = new ReplayEngine(new HttpFetcher(limits), limits);
        long t0 = System.nanoTime();
        long c0 = cpu();
        int warm = n / 5;
        engine.run(calls.subList(0, warm), to, tally);
        long c1 = cpu();
        engine.run(calls.subList(warm, n), to, tally);
        long c2 = cpu();
        double s = (System.nanoTime() - t0) / 1e9;
        ReplayTally.Counts c = tally.counts();
        System.out.printf("replay: %d pairs in %.2f s: %.0f pairs/s; %d differing, %d unanswered, %d groups;"
                        + " %d distinct targets, %d callers%n", c.calls(), s, c.calls() / s, c.differing(), c.unanswered(),
                tally.groups().size(), targets.size(), callers.size());
        for (DifferenceGroup g : tally.groups()) {
            System.out.printf("  %s%s: %d calls, %d callers: %s%n", g.noise() ? "(noise) " : "", g.operation(), g.calls(),
                    g.callers().size(), g.describe());
        }
        System.out.printf("pairs_per_s=%.0f%n", c.calls() / s);
        System.out.printf("differing_pct=%.0f%n", 100.0 * c.differing() / c.calls());
        System.out.printf("cpu_s=%.2f%n", (c2 - c0) / 1e9);
        System.out.printf("cpu_us_per_pair=%.0f%n", (c2 - c0) / 1e3 / n);
        System.out.printf("steady_cpu_us_per_pair=%.0f%n", (c2 - c1) / 1e3 / (n - warm));
    }

    /** CPU time of the whole process (every thread: the engine's, the HTTP client's, the JIT's, the collector's), ns. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
