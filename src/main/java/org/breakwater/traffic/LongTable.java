package org.breakwater.traffic;

import java.util.Arrays;

/**
 * A map from {@code long} keys (a caller id and an operation id side by side) to values, by open
 * addressing on a mixed hash: no boxing, and no piling up of keys whose halves are small
 * numbers (a {@code HashMap<Long, V>} hashes {@code callerId ^ operationId}, so 20,000 pairs of
 * ids under 4,096 share 4,096 hashes: issue 19). For one thread.
 */
final class LongTable<V> {
    private long[] keys = new long[1 << 10];
    private Object[] slots = new Object[1 << 10];
    private int size;

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = ChunkCounts.spread(key) & mask; slots[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) slots[i];
            }
        }
        return null;
    }

    /** Adds a key that {@link #get} did not find. */
    void put(long key, V value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = ChunkCounts.spread(key) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = value;
        size++;
    }

    int size() {
        return size;
    }

    /** Forgets every key. */
    void clear() {
        Arrays.fill(slots, null);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new Object[oldSlots.length * 2];
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
        Arrays.fill(oldSlots, null);
    }
}
