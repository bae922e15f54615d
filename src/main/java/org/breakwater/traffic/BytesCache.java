package org.breakwater.traffic;

import java.util.Arrays;

/**
 * A map from byte strings to values, looked up without copying the key, holding at most
 * {@code capacity} entries: when full it starts afresh, so memory stays flat however many
 * distinct keys a log holds. For one thread.
 */
final class BytesCache<V> {
    private final int capacity;
    private final int mask;
    private final byte[][] keys;
    private final int[] hashes;
    private final Object[] values;
    private int size;

    BytesCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        int slots = Integer.highestOneBit(capacity * 2 - 1) * 2; // at most half full
        this.mask = slots - 1;
        this.keys = new byte[slots][];
        this.hashes = new int[slots];
        this.values = new Object[slots];
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** A hash of {@code b[from, to)}, eight bytes at a time. */
    static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < to; i++) {
            h = (h ^ b[i]) * 0x100000001B3L;
        }
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** The value for {@code b[from, to)}, whose {@link #hash} is {@code hash}; null when absent. */
    @SuppressWarnings("unchecked")
    V get(byte[] b, int from, int to, int hash) {
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (hashes[i] == hash && Arrays.equals(k, 0, k.length, b, from, to)) {
                return (V) values[i];
            }
        }
    }

    /** Adds a key that {@link #get} did not find (a copy of it), emptying the cache first when it is full. */
    void put(byte[] b, int from, int to, int hash, V value) {
        if (size >= capacity) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
        }
        int i = hash & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = Arrays.copyOfRange(b, from, to);
        hashes[i] = hash;
        values[i] = value;
        size++;
    }

    int size() {
        return size;
    }
}
