package org.breakwater.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.Environment;

/**
 * Calls that cross environments while a log is read: a request to a service's {@code environment}
 * from an address that the catalog places in another environment (a production host calling
 * staging — the ported script still pointing at stg — or a staging host calling production).
 * Bounded: at most {@link #ADDRESSES} distinct addresses are told apart and remembered; the
 * origin of each address is looked up once. Thread-safe: the threads of one ingest share it
 * (crossings are rare, and a reader asks {@link #crosses} once per caller it caches); past the
 * bound, which addresses are kept depends on the threads' order.
 */
public final class Crossings {
    static final int ADDRESSES = 10_000;

    /** Counts nothing: for logs read without knowing the environments' hosts. */
    static final Crossings NONE = new Crossings("", "", new Origins(List.of()));

    /** A crossing counted: who, from which address of which environment, how often, when. */
    public record Crossing(String service, String environment, String origin, String address, String caller,
                           boolean known, long count, Instant firstSeen, Instant lastSeen) {
    }

    /** Environments by their host blocks, in catalog order: an address belongs to the first that holds it. */
    public static final class Origins {
        private final List<Map.Entry<String, Cidr>> blocks = new ArrayList<>();
        private final Map<String, Optional<String>> seen = new HashMap<>();

        public Origins(List<Environment> environments) {
            for (Environment e : environments) {
                for (String h : e.hosts()) {
                    Cidr.parse(h).ifPresent(c -> blocks.add(Map.entry(e.name(), c)));
                }
            }
        }

        public boolean isEmpty() {
            return blocks.isEmpty();
        }

        /** The environment whose hosts include {@code address}, if any. */
        public synchronized Optional<String> of(String address) {
            Optional<String> known = seen.get(address);
            if (known != null) {
                return known;
            }
            Optional<String> found = Optional.empty();
            for (Map.Entry<String, Cidr> b : blocks) {
                if (b.getValue().contains(address)) {
                    found = Optional.of(b.getKey());
                    break;
                }
            }
            if (seen.size() < ADDRESSES) {
                seen.put(address, found);
            }
            return found;
        }
    }

    private record Key(String origin, String address, String caller, boolean known) {
    }

    private static final class Counts {
        long count;
        Instant first;
        Instant last;
    }

    private final String service;
    private final String environment;
    private final Origins origins;
    private final Map<Key, Counts> counts = new LinkedHashMap<>();

    public Crossings(String service, String environment, Origins origins) {
        this.service = service;
        this.environment = environment;
        this.origins = origins;
    }

    /** Whether a call from {@code address} crosses environments (it is a host of another environment). */
    public boolean crosses(String address) {
        if (origins.isEmpty()) {
            return false;
        }
        Optional<String> origin = origins.of(address);
        return origin.isPresent() && !origin.get().equals(environment);
    }

    /** One call from {@code address} by {@code caller} at {@code at}: counted if it crossed environments. */
    public void add(String address, CallerIdentifier.Caller caller, Instant at) {
        add(address, caller.name(), caller.known(), at);
    }

    /** One call from {@code address} by the caller so named at {@code at}: counted if it crossed environments. */
    public synchronized void add(String address, String caller, boolean known, Instant at) {
        if (!crosses(address)) {
            return;
        }
        Key key = new Key(origins.of(address).orElseThrow(), address, caller, known);
        Counts c = counts.get(key);
        if (c == null) {
            if (counts.size() >= ADDRESSES) {
                return;
            }
            c = new Counts();
            counts.put(key, c);
        }
        c.count++;
        if (c.first == null || at.isBefore(c.first)) {
            c.first = at;
        }
        if (c.last == null || at.isAfter(c.last)) {
            c.last = at;
        }
    }

    /** Adds another tally's counts (of the same service and environment) to this one. */
    public synchronized void addAll(Crossings other) {
        other.counts.forEach((k, o) -> {
            Counts c = counts.computeIfAbsent(k, x -> new Counts());
            c.count += o.count;
            c.first = c.first == null || o.first.isBefore(c.first) ? o.first : c.first;
            c.last = c.last == null || o.last.isAfter(c.last) ? o.last : c.last;
        });
    }

    public synchronized List<Crossing> crossings() {
        List<Crossing> out = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> out.add(new Crossing(service, environment, k.origin(), k.address(), k.caller(),
                k.known(), c.count, c.first, c.last)));
        out.sort(java.util.Comparator.comparing(Crossing::caller).thenComparing(Crossing::address));
        return out;
    }
}
