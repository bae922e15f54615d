package org.breakwater.traffic;

import java.time.Instant;
import java.util.ArrayList;
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

    private record Key(String caller, boolean known, String operation) {
    }

    /** The counts of one caller and operation: a slot the ingest can add to directly, once found. */
    static final class Counts {
        long count;
        Instant first;
        Instant last;
        final StatusBuckets statuses = new StatusBuckets();
    }

    private final String service;
    private final String environment;
    private final Map<Key, Counts> counts = new HashMap<>();
    private final java.util.Set<String> unknownCallers = new java.util.HashSet<>();
    private final java.util.Set<String> unmatchedPaths = new java.util.HashSet<>();

    public Tally(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    /** One call: by {@code caller} at {@code at} to {@code operation} (a key, or {@link Usage#unmatched}). */
    public void add(CallerIdentifier.Caller caller, String operation, Instant at) {
        add(caller.name(), caller.known(), operation, 1, at, at);
    }

    /** One call, answered {@code status}. */
    public void add(CallerIdentifier.Caller caller, String operation, Instant at, int status) {
        add(caller.name(), caller.known(), operation, 1, at, at).statuses.add(at, status);
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
        return counts.computeIfAbsent(new Key(who, known, what), k -> new Counts());
    }

    /** {@code count} calls between {@code firstAt} and {@code lastAt}, counted in {@code c}. */
    static void add(Counts c, long count, Instant firstAt, Instant lastAt) {
        c.count += count;
        if (c.first == null || firstAt.isBefore(c.first)) {
            c.first = firstAt;
        }
        if (c.last == null || lastAt.isAfter(c.last)) {
            c.last = lastAt;
        }
    }

    /** The calls by status class and time bucket, per caller and operation (the bounded window of each). */
    public List<StatusCount> statuses() {
        List<StatusCount> out = new ArrayList<>();
        counts.forEach((k, c) -> c.statuses.addTo(out, service, environment, k.caller(), k.known(), k.operation()));
        return out;
    }

    public List<Usage> usages() {
        List<Usage> out = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> out.add(new Usage(service, environment, k.caller(), k.known(), k.operation(), c.count,
                c.first, c.last)));
        out.sort(java.util.Comparator.comparing(Usage::caller).thenComparing(Usage::operation));
        return out;
    }
}
