package org.breakwater.staging.replay;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Not a test: the body comparison alone, in process (bench/replay.sh). Arguments: [PAIRS] [RUNS].
 * Compares pairs of ~5 kB JSON answers (a package's ACLs, 1.9 against 2.0: a renamed value in
 * every element and a changed timestamp) and prints pairs/s per run; the first runs warm the JIT.
 */
public final class CompareBench {
    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[][] was = new byte[64][];
        byte[][] is = new byte[64][];
        for (int i = 0; i < was.length; i++) {
            was[i] = body(i, "devel", 1000).getBytes(StandardCharsets.UTF_8);
            is[i] = body(i, "master", 1001).getBytes(StandardCharsets.UTF_8);
        }
        System.out.println("body bytes: " + was[0].length);
        BodyComparator comparator = new BodyComparator();
        Noise noise = new Noise(java.util.Set.of("$.generated"));
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            long found = 0;
            for (int p = 0; p < pairs; p++) {
                int i = p & 63;
                List<Difference> d = comparator.compare(new Answer(200, "application/json", was[i]),
                        new Answer(200, "application/json", is[i]));
                found += noise.explain(d).size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("run %d: %d pairs in %.3f s: %.0f pairs/s (%d differences)%n", run, pairs, s, pairs / s, found);
        }
    }

    /** A pkgdb-like answer of ~5 kB: a package and its ACLs per branch. */
    public static String body(int n, String branch, long generated) {
        StringBuilder b = new StringBuilder();
        b.append("{\"generated\":").append(generated).append(",\"package\":{\"name\":\"pkg").append(n)
                .append("\",\"summary\":\"A package for the replay benchmark\",\"status\":\"Approved\"},\"acls\":[");
        for (int i = 0; i < 34; i++) {
            b.append(i == 0 ? "" : ",").append("{\"branch\":\"").append(i == 0 ? branch : "f" + (20 + i))
                    .append("\",\"fas_name\":\"user").append(i).append("\",\"acl\":\"commit\",\"status\":\"Approved\",")
                    .append("\"critpath\":false,\"id\":").append(1000 + i).append(",\"collection\":{\"version\":\"")
                    .append(20 + i).append("\",\"koji\":\"f").append(20 + i).append("\"}}");
        }
        return b.append("]}").toString();
    }
}
