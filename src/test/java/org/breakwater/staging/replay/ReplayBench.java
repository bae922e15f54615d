package org.breakwater.staging.replay;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Not a test: the replay engine end to end for bench/replay.sh. Arguments: BASELINE-URL
 * CANDIDATE-URL CALLS [CONCURRENCY]. Sends CALLS sampled GETs (distinct targets of 50 callers
 * and 20 operations) to both servers through {@link HttpFetcher} and {@link ReplayEngine},
 * compares every pair into a {@link ReplayTally}, and prints the pairs per second and what it found.
 */
public final class ReplayBench {
    public static void main(String[] args) throws Exception {
        URI baseline = URI.create(args[0]);
        URI candidate = URI.create(args[1]);
        int n = Integer.parseInt(args[2]);
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        List<ReplayCall> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int op = i % 20;
            calls.add(new ReplayCall("pkgdb", "GET /op" + op + "/{}", "caller-" + (i % 50), true, "GET",
                    "/op" + op + "/pkg" + i + "?tg_format=json", 1));
        }
        ReplayLimits limits = new ReplayLimits(concurrency, 100_000, Duration.ofSeconds(30), n, ReplayLimits.BODY_LIMIT,
                Set.of());
        ReplayTally tally = new ReplayTally(new Noise(Set.of("$.generated")));
        long t0 = System.nanoTime();
        new ReplayEngine(new HttpFetcher(limits), limits).run(calls,
                s -> new ReplayEngine.Endpoints(candidate, List.of(baseline)), tally);
        double s = (System.nanoTime() - t0) / 1e9;
        ReplayTally.Counts c = tally.counts();
        System.out.printf("replay: %d pairs in %.2f s: %.0f pairs/s; %d differing, %d unanswered, %d groups%n",
                c.calls(), s, c.calls() / s, c.differing(), c.unanswered(), tally.groups().size());
        System.out.printf("pairs_per_s=%.0f%n", c.calls() / s);
    }
}
