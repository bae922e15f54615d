package org.breakwater.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * How wide the status buckets of a service's environment are at each moment: one minute around
 * its deployments (from {@link #BEFORE} before each until {@link #AFTER} after, where the breakage
 * detector compares a cut-over's minutes), one hour elsewhere (a baseline is summed, so an hour
 * loses nothing but the edge). An hour bucket never spans the edge of a one-minute span, so a
 * bucket is wholly before or after a deployment. Without this, a log's caller x operation x
 * minute rows come close to its number of lines (decision 0024).
 */
final class StatusGrid {
    static final Duration BEFORE = Duration.ofHours(6);
    static final Duration AFTER = Duration.ofHours(12);
    static final long MINUTE = 60;
    static final long HOUR = 3600;
    /** One-minute buckets everywhere (as if every moment were near a deployment). */
    static final StatusGrid MINUTES = new StatusGrid(null);

    private final long[] edges; // minute-aligned epoch seconds: fine spans [edges[2k], edges[2k+1]), ascending

    private StatusGrid(long[] edges) {
        this.edges = edges;
    }

    /** The grid around {@code deployments} (their times, any order). */
    static StatusGrid around(Collection<Instant> deployments) {
        long[] at = deployments.stream().mapToLong(i -> floor(i.getEpochSecond(), MINUTE)).sorted().toArray();
        long[] edges = new long[2 * at.length];
        int n = 0;
        for (long d : at) {
            long from = d - BEFORE.getSeconds();
            long until = d + AFTER.getSeconds();
            if (n > 0 && from <= edges[n - 1]) {
                edges[n - 1] = Math.max(edges[n - 1], until); // overlapping spans join
            } else {
                edges[n++] = from;
                edges[n++] = until;
            }
        }
        return new StatusGrid(Arrays.copyOf(edges, n));
    }

    static long floor(long seconds, long width) {
        return Math.floorDiv(seconds, width) * width;
    }

    /** The start of the bucket of the minute starting at {@code minute} (epoch seconds). */
    long bucket(long minute) {
        if (edges == null) {
            return minute;
        }
        int i = Arrays.binarySearch(edges, minute);
        int edge = i >= 0 ? i : -i - 2; // the last edge at or before the minute, -1 if none
        if (edge >= 0 && edge % 2 == 0) {
            return minute; // inside a fine span
        }
        long hour = floor(minute, HOUR);
        return edge < 0 ? hour : Math.max(hour, edges[edge]);
    }
}
