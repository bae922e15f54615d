package org.breakwater.staging.replay;

import java.util.List;
import java.util.Set;

/**
 * Not a test: the body comparison alone, in process (bench/replay.sh). Arguments: [PAIRS] [RUNS].
 * Two workloads of ~5 kB JSON answers from {@link ReplayData}, each run RUNS times (the first
 * runs warm the JIT), printing pairs/s per run: "mix", the answers of the replay benchmark's calls
 * in their proportions (identical bodies, timestamps only, renamed values, added fields, shorter
 * lists, reordered fields, a 404); and "differing", package answers only, every pair differing
 * (devel/master in one branch's ACLs): the whole of both bodies parsed every time.
 */
public final class CompareBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<ReplayCall> calls = ReplayData.calls(4096, 20261205);
        Answer[][] mix = new Answer[calls.size()][];
        long bytes = 0;
        for (int i = 0; i < mix.length; i++) {
            String target = calls.get(i).target();
            mix[i] = new Answer[] {answer(target, false), answer(target, true)};
            bytes += mix[i][0].body().length;
        }
        Answer[][] differing = new Answer[64][];
        for (int v = 0, i = 0; i < differing.length; v++) {
            if (v % 5 != 0) { // the packages with a rawhide branch
                differing[i++] = new Answer[] {new Answer(200, "application/json", ReplayData.body(0, v, false)),
                        new Answer(200, "application/json", ReplayData.body(0, v, true))};
            }
        }
        System.out.println("mean body bytes (mix): " + bytes / mix.length);
        measure("mix", mix, pairs, runs);
        measure("differing", differing, pairs, runs);
    }

    static Answer answer(String target, boolean candidate) {
        int op = ReplayData.operation(target);
        return new Answer(ReplayData.status(op, candidate), ReplayData.type(op, candidate),
                ReplayData.body(op, ReplayData.variant(target), candidate));
    }

    private static void measure(String name, Answer[][] pairs, int n, int runs) {
        BodyComparator comparator = new BodyComparator();
        Noise noise = new Noise(Set.of("$.generated"));
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            long found = 0;
            for (int p = 0; p < n; p++) {
                Answer[] pair = pairs[p % pairs.length];
                found += noise.explain(comparator.compare(pair[0], pair[1])).size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("%s run %d: %d pairs in %.3f s: %.0f pairs/s; %.0f pairs per CPU second, %.1f us CPU per pair"
                    + " (%d differences)%n", name, run, n, s, n / s, n / cpu, cpu * 1e6 / n, found);
        }
    }
}
