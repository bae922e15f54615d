package org.breakwater.traffic;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The {@link Tally.Counts} of every caller and operation of one ingest, found by their names:
 * an open-addressing table whose hash mixes both names' hashes through a multiply-xorshift
 * finaliser, so names built alike (the same user agents from neighbouring addresses, paths
 * differing in one character) spread over the table instead of piling into a few bins as
 * {@code 31 * h(caller) + h(operation)} did (a HashMap of records turned those bins into trees
 * and walked them with the record's method-handle equals: issue 19). Pairs are kept in the order
 * they were first seen. For one thread.
 */
final class PairTable implements Iterable<Tally.Counts> {
    private Tally.Counts[] table = new Tally.Counts[1 << 10];
    private Tally.Counts[] order = new Tally.Counts[1 << 9];
    private int size;

    /** The mixed hash of a pair (never the plain sum of the names' hashes). */
    static int hash(String caller, boolean known, String operation) {
        long h = (caller.hashCode() * 0x9E3779B97F4A7C15L) ^ (operation.hashCode() & 0xFFFFFFFFL) ^ (known ? 1L << 40 : 0);
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }

    /** The counts of {@code caller} and {@code operation}, made empty at the pair's first call. */
    Tally.Counts slot(String caller, boolean known, String operation) {
        return slot(caller, known, operation, hash(caller, known, operation));
    }

    /** As {@link #slot(String, boolean, String)}, given the pair's {@link #hash}. */
    Tally.Counts slot(String caller, boolean known, String operation, int hash) {
        int mask = table.length - 1;
        int i = hash & mask;
        for (Tally.Counts c = table[i]; c != null; c = table[i]) {
            if (c.hash == hash && c.known == known && c.caller.equals(caller) && c.operation.equals(operation)) {
                return c;
            }
            i = (i + 1) & mask;
        }
        Tally.Counts c = new Tally.Counts(caller, known, operation, hash);
        table[i] = c;
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = c;
        if (2 * size > table.length) {
            grow();
        }
        return c;
    }

    private void grow() {
        table = new Tally.Counts[table.length * 2];
        int mask = table.length - 1;
        for (int k = 0; k < size; k++) {
            int i = order[k].hash & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = order[k];
        }
    }

    int size() {
        return size;
    }

    /** The pairs in the order they were first seen. */
    @Override
    public Iterator<Tally.Counts> iterator() {
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Tally.Counts next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return order[next++];
            }
        };
    }
}
