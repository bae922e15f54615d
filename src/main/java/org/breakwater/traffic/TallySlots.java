package org.breakwater.traffic;

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
    private final LongTable<Tally.Counts> slots = new LongTable<>();

    TallySlots(Tally tally) {
        this(tally, LIMIT);
    }

    TallySlots(Tally tally, int limit) {
        this.tally = tally;
        this.limit = limit;
    }

    Tally tally() {
        return tally;
    }

    int size() {
        return slots.size();
    }

    /** The Tally's slot of a caller and operation, found by their ids once seen. */
    Tally.Counts slot(int callerId, String caller, boolean known, int operationId, String operation) {
        long key = ((long) callerId << 32) | (operationId & 0xFFFFFFFFL);
        Tally.Counts c = slots.get(key);
        if (c == null) {
            c = tally.slot(caller, known, operation);
            if (slots.size() >= limit) {
                slots.clear();
            }
            slots.put(key, c);
        }
        return c;
    }
}
