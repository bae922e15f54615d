package org.breakwater.traffic;

import java.time.Instant;

/**
 * The calls of one chunk by pair (an index of {@link ChunkCounts}), minute and status class, in
 * primitives only: a pair's first minute inline (about 20 bytes a pair), its other minutes in an
 * open-addressing table made when first needed. No object per pair or minute: a chunk lives long
 * enough to be promoted, and what it holds then fills the old generation (issue 19).
 */
final class MinuteCounts {
    private int[] firstMinute; // epoch minutes + 1 of the pair's first minute; 0: none yet
    private int[] firstCounts;
    private long[] keys; // pair << 32 | minute (epoch minutes), valid where used
    private boolean[] used;
    private int[] counts; // four classes per slot
    private int size;

    MinuteCounts() {
        this(256);
    }

    /** Room for {@code pairs} pairs' first minutes before growing. */
    MinuteCounts(int pairs) {
        firstMinute = new int[pairs];
        firstCounts = new int[4 * pairs];
    }

    /** One call of {@code pair} at {@code at} answered {@code status}; 1xx, out-of-range and 0 are not counted. */
    void add(int pair, Instant at, int status) {
        int cls = status / 100 - 2;
        if (cls < 0 || cls > 3) {
            return;
        }
        int minute = (int) Math.floorDiv(at.getEpochSecond(), 60);
        if (pair >= firstMinute.length) {
            firstMinute = java.util.Arrays.copyOf(firstMinute, Math.max(pair + 1, 2 * firstMinute.length));
            firstCounts = java.util.Arrays.copyOf(firstCounts, 4 * firstMinute.length);
        }
        if (firstMinute[pair] == 0) {
            firstMinute[pair] = minute + 1;
        }
        if (firstMinute[pair] == minute + 1) {
            firstCounts[4 * pair + cls]++;
            return;
        }
        if (keys == null) {
            keys = new long[256];
            used = new boolean[256];
            counts = new int[4 * 256];
        }
        spill(((long) pair << 32) | (minute & 0xFFFFFFFFL), cls);
    }

    private void spill(long key, int cls) {
        int mask = keys.length - 1;
        int i = ChunkCounts.spread(key) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (!used[i]) {
            used[i] = true;
            keys[i] = key;
            if (++size * 2 > keys.length) {
                grow();
                spill(key, cls);
                return;
            }
        }
        counts[4 * i + cls]++;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        used = new boolean[keys.length];
        counts = new int[4 * keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = ChunkCounts.spread(oldKeys[j]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                System.arraycopy(oldCounts, 4 * j, counts, 4 * i, 4);
            }
        }
    }

    /** Empties these counts of {@code pairs} pairs, keeping the tables. */
    void clear(int pairs) {
        java.util.Arrays.fill(firstMinute, 0, Math.min(pairs, firstMinute.length), 0);
        java.util.Arrays.fill(firstCounts, 0, Math.min(4 * pairs, firstCounts.length), 0);
        if (keys != null) {
            java.util.Arrays.fill(used, false);
            java.util.Arrays.fill(counts, 0);
            size = 0;
        }
    }

    /** Adds every pair's minutes to the Tally slot {@code slots[pair]}. */
    void addTo(Tally tally, Tally.Counts[] slots) {
        for (int pair = 0; pair < slots.length && pair < firstMinute.length; pair++) {
            if (firstMinute[pair] != 0) {
                tally.addStatuses(slots[pair], (long) (firstMinute[pair] - 1) * 60, firstCounts, 4 * pair);
            }
        }
        for (int i = 0; keys != null && i < keys.length; i++) {
            if (used[i]) {
                long minute = (long) (int) keys[i] * 60;
                tally.addStatuses(slots[(int) (keys[i] >>> 32)], minute, counts, 4 * i);
            }
        }
    }
}
