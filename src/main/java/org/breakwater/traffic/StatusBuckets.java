package org.breakwater.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Calls of one caller and operation by response status class (2xx, 3xx, 4xx, 5xx) in time
 * buckets of {@link #BUCKET}, in bounded and compact memory (sorted primitive arrays, about 24
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

    /** One call answered {@code status} at {@code at}; 1xx and out-of-range statuses are not counted. */
    void add(Instant at, int status) {
        int cls = status / 100 - 2;
        if (cls < 0 || cls > 3) {
            return;
        }
        long b = bucketOf(at);
        int i = last >= 0 && starts[last] == b ? last : slot(b);
        if (i >= 0) {
            counts[4 * i + cls]++;
            last = i;
        }
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

    /** Adds {@code other}'s counts to these. */
    void addAll(StatusBuckets other) {
        for (int j = 0; j < other.size; j++) {
            int i = slot(other.starts[j]);
            if (i >= 0) {
                for (int c = 0; c < 4; c++) {
                    counts[4 * i + c] += other.counts[4 * j + c];
                }
            }
        }
        last = -1;
    }

    int size() {
        return size;
    }

    void addTo(List<StatusCount> out, String service, String environment, String caller, boolean known,
               String operation) {
        for (int i = 0; i < size; i++) {
            out.add(new StatusCount(service, environment, caller, known, operation, Instant.ofEpochSecond(starts[i]),
                    counts[4 * i], counts[4 * i + 1], counts[4 * i + 2], counts[4 * i + 3]));
        }
    }
}
