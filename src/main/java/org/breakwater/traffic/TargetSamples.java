package org.breakwater.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Keeps, while a log is read, a reservoir sample of request targets per caller and operation
 * (Vitter's algorithm R): each reading thread samples into its own {@link Local}, and
 * {@link #samples()} merges them. Only matched operations are sampled, at most {@link #KEYS}
 * caller x operation pairs per thread, {@link #PER_KEY} targets each; a target's text is made
 * only when it is chosen. Query parameters named in {@code dropped} (tokens) are removed from a
 * target before it is kept.
 */
public final class TargetSamples {
    public static final int PER_KEY = 20;
    static final int KEYS = 20_000;
    /** Query parameters never stored, whatever the settings add. */
    public static final Set<String> ALWAYS_DROPPED = Set.of("token", "access_token", "api_key", "apikey", "password",
            "secret", "session", "sig", "signature", "auth", "key");
    static final TargetSamples NONE = new TargetSamples("", "", Set.of());

    private final String service;
    private final String environment;
    private final Set<String> dropped;
    private final List<Local> locals = new ArrayList<>();

    public TargetSamples(String service, String environment, Set<String> dropped) {
        this.service = service;
        this.environment = environment;
        Set<String> all = new java.util.HashSet<>(ALWAYS_DROPPED);
        dropped.forEach(d -> all.add(d.toLowerCase(Locale.ROOT)));
        this.dropped = Set.copyOf(all);
    }

    /** A reading thread's own reservoirs. */
    synchronized Local local() {
        Local l = new Local(this == NONE);
        locals.add(l);
        return l;
    }

    /** One reservoir while it fills. */
    static final class Reservoir {
        final String caller;
        final boolean known;
        final String operation;
        final List<String> targets = new ArrayList<>(4);
        long seen;
        Instant last;

        Reservoir(String caller, boolean known, String operation) {
            this.caller = caller;
            this.known = known;
            this.operation = operation;
        }
    }

    /** Where one thread samples; not thread-safe. */
    final class Local {
        private final boolean off;
        private final LongTable<Reservoir> byKey = new LongTable<>();
        private final List<Reservoir> reservoirs = new ArrayList<>();
        private final SplittableRandom random = new SplittableRandom();

        private Local(boolean off) {
            this.off = off;
        }

        private Reservoir current;

        /**
         * A call by caller {@code callerId} to operation {@code operationId}: the slot its target
         * goes to ({@link #keep}), or -1 when it is not chosen.
         */
        int offer(int callerId, String caller, boolean known, int operationId, String operation, Instant at) {
            if (off || operation.startsWith("? ")) {
                return -1;
            }
            long key = ((long) callerId << 32) | (operationId & 0xFFFFFFFFL);
            Reservoir r = byKey.get(key);
            if (r == null) {
                if (reservoirs.size() >= KEYS) {
                    return -1;
                }
                r = new Reservoir(caller, known, operation);
                byKey.put(key, r);
                reservoirs.add(r);
            }
            current = r;
            r.seen++;
            if (r.last == null || at.isAfter(r.last)) {
                r.last = at;
            }
            if (r.targets.size() < PER_KEY) {
                r.targets.add(null);
                return r.targets.size() - 1;
            }
            long j = random.nextLong(r.seen);
            return j < PER_KEY ? (int) j : -1;
        }

        /** The target of the call just offered, in the slot {@link #offer} gave. */
        void keep(int slot, String target) {
            current.targets.set(slot, clean(target));
        }
    }

    /** The target without the dropped query parameters. */
    String clean(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return target;
        }
        StringBuilder kept = null;
        int from = q + 1;
        while (from <= target.length()) {
            int amp = target.indexOf('&', from);
            int end = amp < 0 ? target.length() : amp;
            int eq = target.indexOf('=', from);
            String name = target.substring(from, eq < 0 || eq > end ? end : eq);
            boolean drop = end == from || dropped.contains(decoded(name));
            if (drop && kept == null) {
                kept = new StringBuilder(target.length()).append(target, 0, from - 1); // what came before is kept
            } else if (!drop && kept != null) {
                kept.append(kept.indexOf("?") < 0 ? '?' : '&').append(target, from, end);
            }
            from = end + 1;
        }
        return kept == null ? target : kept.toString();
    }

    private static String decoded(String name) {
        String n = name.indexOf('%') < 0 && name.indexOf('+') < 0 ? name
                : java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        return n.toLowerCase(Locale.ROOT);
    }

    /** Every thread's reservoirs, merged per caller and operation. */
    public synchronized List<Sample> samples() {
        Map<String, List<Sample>> byKey = new HashMap<>();
        for (Local l : locals) {
            for (Reservoir r : l.reservoirs) {
                byKey.computeIfAbsent(r.caller + "\n" + r.operation, k -> new ArrayList<>()).add(
                        new Sample(service, environment, r.caller, r.known, r.operation, r.targets, r.seen, r.last));
            }
        }
        List<Sample> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom();
        byKey.values().forEach(parts -> out.add(merge(parts, random)));
        out.sort(java.util.Comparator.comparing(Sample::caller).thenComparing(Sample::operation));
        return out;
    }

    /**
     * One reservoir from several of the same key: each kept target stands for seen/size calls of
     * its part, and {@link #PER_KEY} are drawn by weight without replacement (Efraimidis-Spirakis).
     */
    public static Sample merge(Collection<Sample> parts, SplittableRandom random) {
        Sample first = parts.iterator().next();
        if (parts.size() == 1) {
            return first;
        }
        List<double[]> keys = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        long seen = 0;
        Instant last = first.lastSeen();
        for (Sample s : parts) {
            seen += s.seen();
            last = s.lastSeen().isAfter(last) ? s.lastSeen() : last;
            double weight = s.targets().isEmpty() ? 0 : (double) s.seen() / s.targets().size();
            for (String t : s.targets()) {
                keys.add(new double[] {Math.pow(random.nextDouble(), 1 / weight), targets.size()});
                targets.add(t);
            }
        }
        keys.sort((a, b) -> Double.compare(b[0], a[0]));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(PER_KEY, keys.size()); i++) {
            kept.add(targets.get((int) keys.get(i)[1]));
        }
        return new Sample(first.service(), first.environment(), first.caller(), first.known(), first.operation(), kept,
                seen, last);
    }
}
