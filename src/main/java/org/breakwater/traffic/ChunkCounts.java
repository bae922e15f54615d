package org.breakwater.traffic;

import java.time.Instant;
import java.util.Arrays;

/**
 * The calls of one chunk of a log, per caller and operation, in the order each pair first
 * appears: added to the {@link Tally} in file order, they make the same counts as the calls one by
 * one (the Tally's limits on distinct callers and paths keep the first ones it sees). Callers and
 * operations are known here by the ids their worker gave them; an id names one caller (or
 * operation) string, though a string may have several ids.
 */
final class ChunkCounts {
    private long[] keys;
    private int[] slots; // index + 1 into the arrays below; 0 when free
    private String[] callers;
    private boolean[] known;
    private String[] operations;
    private long[] counts;
    // first and last seen as seconds and nanoseconds: no reference from a recycled (old) chunk to
    // each line's young Instant (the collector would rescan its cards at every young collection)
    private long[] firstSecond;
    private int[] firstNano;
    private long[] lastSecond;
    private int[] lastNano;
    private int size;
    private int[] callerIds;
    private int[] operationIds;
    private final MinuteCounts statuses;

    ChunkCounts() {
        this(256);
    }

    /** Room for {@code pairs} pairs before growing (a reader's next chunk is sized as its last). */
    ChunkCounts(int pairs) {
        int n = Math.max(256, Integer.highestOneBit(Math.max(1, pairs) - 1) * 2);
        keys = new long[4 * n];
        slots = new int[4 * n];
        callers = new String[n];
        known = new boolean[n];
        operations = new String[n];
        counts = new long[n];
        firstSecond = new long[n];
        firstNano = new int[n];
        lastSecond = new long[n];
        lastNano = new int[n];
        callerIds = new int[n];
        operationIds = new int[n];
        statuses = new MinuteCounts(n);
    }

    void add(int callerId, String caller, boolean isKnown, int operationId, String operation, Instant at) {
        add(callerId, caller, isKnown, operationId, operation, at, 0);
    }

    /** One call, answered {@code status} (0: unknown, not counted by status). */
    void add(int callerId, String caller, boolean isKnown, int operationId, String operation, Instant at, int status) {
        long key = ((long) callerId << 32) | (operationId & 0xFFFFFFFFL);
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                insert(i, key, caller, isKnown, operation, at);
                statuses.add(size - 1, at, status);
                return;
            }
            if (keys[i] == key) {
                int e = slot - 1;
                statuses.add(e, at, status);
                counts[e]++;
                long sec = at.getEpochSecond();
                int nano = at.getNano();
                if (Tally.before(sec, nano, firstSecond[e], firstNano[e])) {
                    firstSecond[e] = sec;
                    firstNano[e] = nano;
                }
                if (Tally.before(lastSecond[e], lastNano[e], sec, nano)) {
                    lastSecond[e] = sec;
                    lastNano[e] = nano;
                }
                return;
            }
        }
    }

    private void insert(int i, long key, String caller, boolean isKnown, String operation, Instant at) {
        if (size == callers.length) {
            int n = size * 2;
            callers = Arrays.copyOf(callers, n);
            known = Arrays.copyOf(known, n);
            operations = Arrays.copyOf(operations, n);
            counts = Arrays.copyOf(counts, n);
            firstSecond = Arrays.copyOf(firstSecond, n);
            firstNano = Arrays.copyOf(firstNano, n);
            lastSecond = Arrays.copyOf(lastSecond, n);
            lastNano = Arrays.copyOf(lastNano, n);
            callerIds = Arrays.copyOf(callerIds, n);
            operationIds = Arrays.copyOf(operationIds, n);
        }
        callerIds[size] = (int) (key >>> 32);
        operationIds[size] = (int) key;
        keys[i] = key;
        slots[i] = size + 1;
        callers[size] = caller;
        known[size] = isKnown;
        operations[size] = operation;
        counts[size] = 1;
        firstSecond[size] = at.getEpochSecond();
        firstNano[size] = at.getNano();
        lastSecond[size] = firstSecond[size];
        lastNano[size] = firstNano[size];
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = spread(oldKeys[j]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    static int spread(long key) {
        int h = Long.hashCode(key * 0x9E3779B97F4A7C15L);
        return h ^ (h >>> 16);
    }

    int size() {
        return size;
    }

    /** Adds these counts to {@code tally}, pair by pair in order of first appearance. */
    void addTo(Tally tally) {
        Tally.Counts[] to = new Tally.Counts[size];
        for (int e = 0; e < size; e++) {
            to[e] = tally.slot(callers[e], known[e], operations[e]);
            Tally.add(to[e], counts[e], firstSecond[e], firstNano[e], lastSecond[e], lastNano[e]);
        }
        statuses.addTo(tally, to);
    }

    /** {@link #addTo(Tally)} through the slots the pairs had before. */
    void addTo(TallySlots slots) {
        Tally.Counts[] to = new Tally.Counts[size];
        for (int e = 0; e < size; e++) {
            to[e] = slots.slot(callerIds[e], callers[e], known[e], operationIds[e], operations[e]);
            Tally.add(to[e], counts[e], firstSecond[e], firstNano[e], lastSecond[e], lastNano[e]);
        }
        statuses.addTo(slots.tally(), to);
    }

    /**
     * Empties these counts for another chunk of the same reader, keeping their tables: a chunk
     * outlives a young collection, so new tables for each would be promoted and die old (full
     * collections); recycled ones stay.
     */
    ChunkCounts clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(callers, 0, size, null);
        Arrays.fill(operations, 0, size, null);
        statuses.clear(size);
        size = 0;
        return this;
    }

    /** Counts handed back after use, for a reader's next chunk; shared by the readers. */
    static final class Pool {
        private final java.util.concurrent.ConcurrentLinkedQueue<ChunkCounts> free =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        /** Empty counts: recycled when there are some, else new with room for {@code pairs}. */
        ChunkCounts take(int pairs) {
            ChunkCounts c = free.poll();
            return c != null ? c.clear() : new ChunkCounts(pairs);
        }

        void recycle(ChunkCounts c) {
            free.add(c);
        }
    }
}
