package org.breakwater.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Calls of one caller and operation by response status class (2xx, 3xx, 4xx, 5xx) in time
 * buckets ({@link #BUCKET} or wider: {@link StatusGrid}), in bounded and compact memory (sorted primitive arrays, about 24
 * bytes a bucket): buckets more than {@link #WINDOW} older than the newest seen are dropped as
 * reading goes on (the store keeps the same window). Lines out of order (a clock going
 * backwards) are counted in their own bucket while it is in the window.
 */
final class StatusBuckets {
    static final Duration BUCKET = Duration.ofMinutes(1);
    static final Duration WINDOW = Duration.ofHours(48);
    private static final long BUCKET_S = BUCKET.getSeconds();
    private static final long WINDOW_S = WINDOW.getSeconds();

    private long[] starts = new long[2]; // bucket starts, epoch seconds, ascending
    private int[] counts = new int[8]; // four classes per bucket
    private int size;
    private int last = -1; // index of the bucket counted last

    /** The start of {@code at}'s bucket, in epoch seconds. */
    static long bucketOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), BUCKET_S) * BUCKET_S;
    }

    /** The index of bucket {@code b}, made if need be; -1 when it is older than the window. */
    private int slot(long b) {
        int i = Arrays.binarySearch(starts, 0, size, b);
        if (i >= 0) {
            return i;
        }
        if (size > 0 && b < starts[size - 1] - WINDOW_S) {
            return -1;
        }
        i = -i - 1;
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            counts = Arrays.copyOf(counts, size * 8);
        }
        System.arraycopy(starts, i, starts, i + 1, size - i);
        System.arraycopy(counts, 4 * i, counts, 4 * i + 4, 4 * (size - i));
        starts[i] = b;
        Arrays.fill(counts, 4 * i, 4 * i + 4, 0);
        size++;
        if (i == size - 1) {
            i -= dropOld(b - WINDOW_S);
        }
        last = -1;
        return i;
    }

    /** Forgets the buckets that start before {@code from}; returns how many went. */
    private int dropOld(long from) {
        int n = 0;
        while (n < size && starts[n] < from) {
            n++;
        }
        if (n > 0) {
            System.arraycopy(starts, n, starts, 0, size - n);
            System.arraycopy(counts, 4 * n, counts, 0, 4 * (size - n));
            size -= n;
        }
        return n;
    }

    /** Adds four counts (2xx, 3xx, 4xx, 5xx: {@code from[at..at+3]}) to bucket {@code bucket} (epoch seconds). */
    void add(long bucket, int[] from, int at) {
        int i = last >= 0 && starts[last] == bucket ? last : slot(bucket);
        if (i >= 0) {
            for (int c = 0; c < 4; c++) {
                counts[4 * i + c] += from[at + c];
            }
            last = i;
        }
    }

    int size() {
        return size;
    }

    /** The index of the first bucket that starts at or after {@code from}. */
    int from(long from) {
        if (size == 0 || starts[0] >= from) {
            return 0; // the common case: all of a pair's buckets are in the window
        }
        int i = Arrays.binarySearch(starts, 0, size, from);
        return i >= 0 ? i : -i - 1;
    }

    /** The start of the {@code i}th bucket, epoch seconds. */
    long start(int i) {
        return starts[i];
    }

    StatusCount count(int i, String service, String environment, String caller, boolean known, String operation) {
        return new StatusCount(service, environment, caller, known, operation, Instant.ofEpochSecond(starts[i]),
                counts[4 * i], counts[4 * i + 1], counts[4 * i + 2], counts[4 * i + 3]);
    }

}
