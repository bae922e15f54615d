package org.breakwater.traffic;

import java.time.Instant;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts calls per caller and operation while a log is read, in bounded memory: at most
 * {@link #UNKNOWN_CALLERS} distinct unknown callers and {@link #UNMATCHED_PATHS} distinct
 * unmatched paths are kept apart; the rest are counted together as "unknown (others)" and
 * "? (other paths)", so a log full of random user agents or scanners cannot exhaust memory.
 */
public final class Tally {
    static final int UNKNOWN_CALLERS = 10_000;
    static final int UNMATCHED_PATHS = 1_000;
    static final String OTHER_CALLERS = "unknown (others)";
    static final String OTHER_PATHS = "? (other paths)";

    /**
     * The counts of one caller and operation: a slot the ingest can add to directly, once found,
     * and its own key in {@link PairTable} (no record: a record's equals and hashCode run through
     * method handles that the launcher's C1-only JIT does not inline, issue 19).
     */
    static final class Counts {
        final String caller;
        final boolean known;
        final String operation;
        final int hash;
        long count;
        long rank; // where it sorts among the pairs (by caller, then operation)
        // first and last seen as seconds and nanoseconds: no reference from this long-lived object to
        // each chunk's young Instants (the collector would rescan their cards at every young collection)
        long firstSecond = Long.MAX_VALUE;
        int firstNano;
        long lastSecond = Long.MIN_VALUE;
        int lastNano;
        final StatusBuckets statuses = new StatusBuckets();

        Counts(String caller, boolean known, String operation, int hash) {
            this.caller = caller;
            this.known = known;
            this.operation = operation;
            this.hash = hash;
        }

        Instant first() {
            return Instant.ofEpochSecond(firstSecond, firstNano);
        }

        Instant last() {
            return Instant.ofEpochSecond(lastSecond, lastNano);
        }
    }

    private final String service;
    private final String environment;
    private final StatusGrid grid;
    private long newest = Long.MIN_VALUE; // the newest status bucket's start, epoch seconds
    private long lastMinute = Long.MIN_VALUE; // the minute last put in a bucket, and that bucket
    private long lastBucket;
    private final PairTable counts = new PairTable();
    private Counts[] sorted;
    private final java.util.Set<String> unknownCallers = new java.util.HashSet<>();
    private final java.util.Set<String> unmatchedPaths = new java.util.HashSet<>();

    public Tally(String service, String environment) {
        this(service, environment, StatusGrid.MINUTES);
    }

    /** Status buckets as wide as {@code grid} says (one minute near deployments, one hour elsewhere). */
    Tally(String service, String environment, StatusGrid grid) {
        this.service = service;
        this.environment = environment;
        this.grid = grid;
    }

    /** One call: by {@code caller} at {@code at} to {@code operation} (a key, or {@link Usage#unmatched}). */
    public void add(CallerIdentifier.Caller caller, String operation, Instant at) {
        add(caller.name(), caller.known(), operation, 1, at, at);
    }

    /** One call, answered {@code status}. */
    public void add(CallerIdentifier.Caller caller, String operation, Instant at, int status) {
        Counts c = add(caller.name(), caller.known(), operation, 1, at, at);
        int cls = status / 100 - 2;
        if (cls >= 0 && cls <= 3) {
            int[] one = new int[4];
            one[cls] = 1;
            addStatuses(c, StatusBuckets.bucketOf(at), one, 0);
        }
    }

    /** Adds the calls of the minute starting at {@code minute} (four classes at {@code from[at..]}) to the slot {@code c}. */
    void addStatuses(Counts c, long minute, int[] from, int at) {
        if (minute != lastMinute) { // a chunk's minutes come in runs: the grid is searched once a run
            lastMinute = minute;
            lastBucket = grid.bucket(minute);
        }
        long bucket = lastBucket;
        c.statuses.add(bucket, from, at);
        newest = Math.max(newest, bucket);
    }

    /**
     * {@code count} calls by the caller named {@code name} to {@code operation}, between
     * {@code firstAt} and {@code lastAt}: the same as that many calls one by one.
     */
    Counts add(String name, boolean known, String operation, long count, Instant firstAt, Instant lastAt) {
        Counts c = slot(name, known, operation);
        add(c, count, firstAt, lastAt);
        return c;
    }

    /**
     * Where calls by {@code name} to {@code operation} are counted from now on: found (and the
     * limits applied) at the pair's first call, the same slot for every later one.
     */
    Counts slot(String name, boolean known, String operation) {
        String who = name;
        if (!known && !unknownCallers.contains(who)) {
            if (unknownCallers.size() >= UNKNOWN_CALLERS) {
                who = OTHER_CALLERS;
            } else {
                unknownCallers.add(who);
            }
        }
        String what = operation;
        if (operation.startsWith("? ") && !unmatchedPaths.contains(operation)) {
            if (unmatchedPaths.size() >= UNMATCHED_PATHS) {
                what = OTHER_PATHS;
            } else {
                unmatchedPaths.add(operation);
            }
        }
        return counts.slot(who, known, what);
    }

    /** {@code count} calls between {@code firstAt} and {@code lastAt}, counted in {@code c}. */
    static void add(Counts c, long count, Instant firstAt, Instant lastAt) {
        add(c, count, firstAt.getEpochSecond(), firstAt.getNano(), lastAt.getEpochSecond(), lastAt.getNano());
    }

    /** {@code count} calls between two moments given as epoch seconds and nanoseconds, counted in {@code c}. */
    static void add(Counts c, long count, long firstSecond, int firstNano, long lastSecond, int lastNano) {
        c.count += count;
        if (before(firstSecond, firstNano, c.firstSecond, c.firstNano)) {
            c.firstSecond = firstSecond;
            c.firstNano = firstNano;
        }
        if (before(c.lastSecond, c.lastNano, lastSecond, lastNano)) {
            c.lastSecond = lastSecond;
            c.lastNano = lastNano;
        }
    }

    /** Whether the moment of epoch second {@code s} and nanosecond {@code n} comes before that of {@code s2}, {@code n2}. */
    static boolean before(long s, int n, long s2, int n2) {
        return s < s2 || s == s2 && n < n2;
    }

    /**
     * The calls by status class and time bucket, per caller and operation, from {@link StatusBuckets#WINDOW}
     * behind the newest bucket of all: made one by one as they are read (a long log's rows are never
     * all held at once), so read them once.
     */
    public Collection<StatusCount> statuses() {
        long from = newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - StatusBuckets.WINDOW.getSeconds();
        int rows = 0;
        for (Counts c : counts) {
            rows += c.statuses.size() - c.statuses.from(from);
        }
        int size = rows;
        return new AbstractCollection<>() {
            @Override
            public Iterator<StatusCount> iterator() {
                return rows(from);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * The rows by bucket, then pair (caller, then operation): the order of the store's key, so a
     * store appends them instead of inserting each pair's buckets at scattered places of a large
     * b-tree (decision 0030). A counting sort: the rows of each bucket are counted, then each
     * pair's index placed at its bucket's next place; a pair's buckets are met in ascending order,
     * so a cursor per pair says which of its buckets a place stands for.
     */
    private Iterator<StatusCount> rows(long from) {
        Counts[] pairs = sorted();
        LongTable<int[]> perBucket = new LongTable<>();
        long[] starts = new long[16];
        int buckets = 0;
        int total = 0;
        for (Counts c : pairs) {
            for (int i = c.statuses.from(from); i < c.statuses.size(); i++) {
                long start = c.statuses.start(i);
                int[] n = perBucket.get(start);
                if (n == null) {
                    n = new int[1];
                    perBucket.put(start, n);
                    if (buckets == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, 2 * buckets);
                    }
                    starts[buckets++] = start;
                }
                n[0]++;
                total++;
            }
        }
        starts = java.util.Arrays.copyOf(starts, buckets);
        java.util.Arrays.sort(starts);
        int place = 0;
        for (long start : starts) { // each bucket's count becomes its first place
            int[] n = perBucket.get(start);
            int rows = n[0];
            n[0] = place;
            place += rows;
        }
        int[] order = new int[total];
        int[] cursor = new int[pairs.length];
        for (int p = 0; p < pairs.length; p++) {
            StatusBuckets b = pairs[p].statuses;
            cursor[p] = b.from(from);
            for (int i = cursor[p]; i < b.size(); i++) {
                order[perBucket.get(b.start(i))[0]++] = p;
            }
        }
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public StatusCount next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                int p = order[next++];
                Counts pair = pairs[p];
                return pair.statuses.count(cursor[p]++, service, environment, pair.caller, pair.known, pair.operation);
            }
        };
    }

    /** Each distinct caller (or operation) name of {@code pairs}, numbered in their order. */
    private static Map<String, Integer> ranks(Counts[] pairs, boolean caller) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Counts c : pairs) {
            ranks.put(caller ? c.caller : c.operation, 0);
        }
        String[] names = ranks.keySet().toArray(String[]::new);
        java.util.Arrays.sort(names);
        for (int i = 0; i < names.length; i++) {
            ranks.put(names[i], i);
        }
        return ranks;
    }

    public List<Usage> usages() {
        List<Usage> out = new ArrayList<>(counts.size());
        for (Counts c : sorted()) {
            out.add(new Usage(service, environment, c.caller, c.known, c.operation, c.count, c.first(), c.last()));
        }
        return out;
    }

    /**
     * The pairs by caller, then operation (sorted once, again only if pairs were added since): the
     * order of {@link #usages()}, and of the status rows within a bucket, which a store then inserts
     * in the order of its key.
     */
    private Counts[] sorted() {
        if (sorted == null || sorted.length != counts.size()) {
            Counts[] all = new Counts[counts.size()];
            int i = 0;
            for (Counts c : counts) {
                all[i++] = c;
            }
            // Names are compared once each, not once per pair: unknown callers share long prefixes.
            Map<String, Integer> callers = ranks(all, true);
            Map<String, Integer> operations = ranks(all, false);
            for (Counts c : all) {
                c.rank = (long) callers.get(c.caller) << 32 | operations.get(c.operation);
            }
            java.util.Arrays.sort(all, (a, b) -> Long.compare(a.rank, b.rank));
            sorted = all;
        }
        return sorted;
    }
}
