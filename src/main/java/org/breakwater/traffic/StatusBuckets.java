package org.breakwater.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls of one caller and operation by response status class (2xx, 3xx, 4xx, 5xx) in time
 * buckets of {@link #BUCKET}, in bounded memory: buckets more than {@link #WINDOW} older than the
 * newest seen are dropped as reading goes on (the store keeps the same window). Lines out of
 * order (a clock going backwards) are counted in their own bucket while it is in the window.
 */
final class StatusBuckets {
    static final Duration BUCKET = Duration.ofMinutes(1);
    static final Duration WINDOW = Duration.ofHours(48);
    private static final long BUCKET_S = BUCKET.getSeconds();
    private static final long WINDOW_S = WINDOW.getSeconds();

    private final TreeMap<Long, long[]> buckets = new TreeMap<>();
    private long lastBucket = Long.MIN_VALUE;
    private long[] last;

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
        if (b != lastBucket) {
            last = slot(b);
            lastBucket = b;
            if (last == null) {
                lastBucket = Long.MIN_VALUE;
                return;
            }
        }
        last[cls]++;
    }

    private long[] slot(long b) {
        long[] s = buckets.get(b);
        if (s != null) {
            return s;
        }
        if (!buckets.isEmpty() && b < buckets.lastKey() - WINDOW_S) {
            return null; // older than the window: not kept
        }
        s = new long[4];
        buckets.put(b, s);
        if (buckets.lastKey() == b) {
            buckets.headMap(b - WINDOW_S).clear();
        }
        return s;
    }

    /** Adds {@code other}'s counts to these. */
    void addAll(StatusBuckets other) {
        for (Map.Entry<Long, long[]> e : other.buckets.entrySet()) {
            long[] s = slot(e.getKey());
            if (s != null) {
                for (int i = 0; i < 4; i++) {
                    s[i] += e.getValue()[i];
                }
            }
        }
        lastBucket = Long.MIN_VALUE;
    }

    int size() {
        return buckets.size();
    }

    void addTo(List<StatusCount> out, String service, String environment, String caller, boolean known,
               String operation) {
        buckets.forEach((b, s) -> out.add(new StatusCount(service, environment, caller, known, operation,
                Instant.ofEpochSecond(b), s[0], s[1], s[2], s[3])));
    }
}
