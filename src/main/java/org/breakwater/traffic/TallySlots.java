package org.breakwater.traffic;

import java.time.Instant;

/**
 * Adds the counts of chunks to a {@link Tally} in file order, remembering the Tally's slot of
 * each caller and operation by their {@link NameIds} numbers, so a pair seen before costs one
 * lookup of two ints instead of a lookup by strings. Bounded: past {@link #LIMIT} pairs it
 * starts afresh. For the one thread that adds the chunks.
 */
final class TallySlots {
    static final int LIMIT = 1 << 20;

    private final Tally tally;
    private final int limit;
    private long[] keys = new long[1 << 12];
    private Tally.Counts[] slots = new Tally.Counts[1 << 12];
    private int size;

    TallySlots(Tally tally) {
        this(tally, LIMIT);
    }

    TallySlots(Tally tally, int limit) {
        this.tally = tally;
        this.limit = limit;
    }

    int size() {
        return size;
    }

    /** Adds the counts; returns the Tally's slot they went to. */
    Tally.Counts add(int callerId, String caller, boolean known, int operationId, String operation, long count,
                     Instant first, Instant last) {
        long key = ((long) callerId << 32) | (operationId & 0xFFFFFFFFL);
        int mask = keys.length - 1;
        int i = ChunkCounts.spread(key) & mask;
        while (slots[i] != null) {
            if (keys[i] == key) {
                Tally.add(slots[i], count, first, last);
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        Tally.Counts c = tally.slot(caller, known, operation);
        Tally.add(c, count, first, last);
        if (size >= limit) {
            java.util.Arrays.fill(slots, null);
            size = 0;
        } else if (2 * (size + 1) > keys.length) {
            grow();
        }
        mask = keys.length - 1;
        i = ChunkCounts.spread(key) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = c;
        size++;
        return c;
    }

    private void grow() {
        long[] oldKeys = keys;
        Tally.Counts[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new Tally.Counts[oldSlots.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldSlots[j] != null) {
                int i = ChunkCounts.spread(oldKeys[j]) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }
}
