package org.breakwater.traffic;

import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.traffic.parse.ChunkedLogReader;
import org.breakwater.traffic.parse.LogRecord;
import org.breakwater.traffic.parse.ScannedLine;

/**
 * One reading thread's work in {@code traffic ingest}: names each request's caller and operation
 * and counts the calls of a chunk. A line read in place is looked up by its bytes, in bounded
 * caches, so a caller seen before (same address, user, user agent and header fields its rules
 * read) and a path seen before (same method and path, same deployed description) cost no
 * decoding, no rule and no tree walk. Not thread-safe: one per thread.
 */
final class LineCounter implements ChunkedLogReader.LineSink<ChunkCounts> {
    static final int CALLERS = 4096;
    static final int OPERATIONS = 16384;
    static final int IDS = 65536;

    /** @param crossing the caller's address when it belongs to another environment's hosts, else null */
    private record Caller(int id, String name, boolean known, String crossing) {
    }

    private record Operation(int id, String key) {
    }

    private final DeployedApis apis;
    private final CallerIdentifier identify;
    private final Crossings crossings;
    private final TargetSamples.Local samples;
    private final List<String> headerFields;
    private final BytesCache<Caller> callers;
    private final BytesCache<Operation> operations;
    private final Map<Object, Integer> matcherIds = new IdentityHashMap<>(); // of the descriptions seen
    private DeployedApis.Window window;
    private int matcherId;
    private String[] extraNames; // of the format, as last seen, and where the header fields are in it
    private int[] headerIndexes = new int[0];
    private byte[] key = new byte[256];
    private final NameIds ids;
    private final Map<String, Operation> matchedOperations = new IdentityHashMap<>();
    private int nextMethod;
    private ChunkCounts counts = new ChunkCounts();
    private ChunkCounts.Pool pool;
    private TallySlots direct; // the only reading thread: calls go straight to the Tally
    private static final int[][] ONE = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    private final OperationMatcher.Segments segments = new OperationMatcher.Segments();
    private final byte[][] methodBytes = new byte[16][];
    private final String[] methodNames = new String[16];
    private int methods;

    LineCounter(DeployedApis apis, CallerIdentifier identify, NameIds ids) {
        this(apis, identify, ids, Crossings.NONE);
    }

    /** {@code crossings} (shared by the threads) hears of each call from another environment's hosts. */
    LineCounter(DeployedApis apis, CallerIdentifier identify, NameIds ids, Crossings crossings) {
        this(apis, identify, ids, CALLERS, OPERATIONS, crossings);
    }

    LineCounter(DeployedApis apis, CallerIdentifier identify, NameIds ids, int callers, int operations) {
        this(apis, identify, ids, callers, operations, Crossings.NONE);
    }

    LineCounter(DeployedApis apis, CallerIdentifier identify, NameIds ids, int callers, int operations,
                Crossings crossings) {
        this(apis, identify, ids, callers, operations, crossings, TargetSamples.NONE);
    }

    /** {@code samples} (shared by the threads) keeps a reservoir of request targets per caller and operation. */
    LineCounter(DeployedApis apis, CallerIdentifier identify, NameIds ids, Crossings crossings, TargetSamples samples) {
        this(apis, identify, ids, CALLERS, OPERATIONS, crossings, samples);
    }

    private LineCounter(DeployedApis apis, CallerIdentifier identify, NameIds ids, int callers, int operations,
                        Crossings crossings, TargetSamples samples) {
        this.samples = samples.local();
        this.crossings = crossings;
        this.callers = new BytesCache<>(callers);
        this.operations = new BytesCache<>(operations);
        this.apis = apis;
        this.identify = identify;
        this.ids = ids;
        this.headerFields = identify.headerFields();
    }

    @Override
    public void scanned(ScannedLine line) {
        Instant at = line.time();
        Caller c = caller(line);
        if (c.crossing() != null) {
            crossings.add(c.crossing(), c.name(), c.known(), at);
        }
        Operation o = operation(line, at);
        count(c.id(), c.name(), c.known(), o.id(), o.key(), at, line.statusCode());
        int slot = samples.offer(c.id(), c.name(), c.known(), o.id(), o.key(), at);
        if (slot >= 0) {
            samples.keep(slot, line.text(line.targetFrom(), line.targetTo()));
        }
    }

    @Override
    public void record(LogRecord r) {
        CallerIdentifier.Caller c = identify.identify(new CallerIdentifier.Request(r.client(), r.remoteUser(),
                r.userAgent(), r.extra()));
        crossings.add(r.client(), c, r.time());
        String operation = window(r.time()).matcher().flatMap(m -> m.matchKey(r.method(), r.target()))
                .orElseGet(() -> Usage.unmatched(r.method(), TrafficService.path(r.target())));
        int callerId = ids.caller(c.name(), c.known());
        int operationId = ids.operation(operation);
        count(callerId, c.name(), c.known(), operationId, operation, r.time(), r.status());
        int slot = samples.offer(callerId, c.name(), c.known(), operationId, operation, r.time());
        if (slot >= 0) {
            samples.keep(slot, r.target());
        }
    }

    /** How many callers and operations the caches hold. */
    int cached() {
        return callers.size() + operations.size();
    }

    /**
     * One call, answered {@code status}: into this chunk's counts, or straight into the Tally when
     * this is the only reading thread (its lines come in file order, so the Tally sees the calls in
     * the order chunk after chunk would give it, without counting each call twice).
     */
    private void count(int callerId, String caller, boolean known, int operationId, String operation, Instant at,
                       int status) {
        if (direct == null) {
            counts.add(callerId, caller, known, operationId, operation, at, status);
            return;
        }
        Tally.Counts t = direct.slot(callerId, caller, known, operationId, operation);
        long second = at.getEpochSecond();
        int nano = at.getNano();
        Tally.add(t, 1, second, nano, second, nano);
        int cls = status / 100 - 2;
        if (cls >= 0 && cls <= 3) {
            direct.tally().addStatuses(t, Math.floorDiv(second, 60) * 60, ONE[cls], 0);
        }
    }

    /**
     * Adds each call straight to {@code slots}' Tally instead of making per-chunk counts: for the
     * only reading thread ({@link org.breakwater.traffic.parse.ChunkedLogReader} with one thread
     * reads on the calling thread, in file order). {@link #chunkDone} then has nothing to hand on.
     */
    LineCounter direct(TallySlots slots) {
        this.direct = slots;
        return this;
    }

    /** Takes each chunk's counts from {@code pool}, where whoever adds them up hands them back. */
    LineCounter recycling(ChunkCounts.Pool pool) {
        this.pool = pool;
        return this;
    }

    @Override
    public ChunkCounts chunkDone() {
        if (direct != null) {
            return null;
        }
        ChunkCounts done = counts;
        counts = pool == null ? new ChunkCounts(done.size()) : pool.take(done.size());
        return done;
    }

    private Caller caller(ScannedLine line) {
        byte[] b = line.bytes();
        if (line.extraNames() != extraNames) {
            extraNames = line.extraNames();
            headerIndexes = headerFields.stream().mapToInt(line::extraIndex).toArray();
        }
        int n = 0;
        n = append(n, b, line.clientFrom(), line.clientTo());
        n = append(n, b, line.userFrom(), line.userTo());
        n = append(n, b, line.userAgentFrom(), line.userAgentTo());
        for (int index : headerIndexes) {
            n = index < 0 ? append(n, b, -1, 0) : append(n, b, line.extraFrom(index), line.extraTo(index));
        }
        int hash = BytesCache.hash(key, 0, n);
        Caller c = callers.get(key, 0, n, hash);
        if (c == null) {
            c = identify(line);
            callers.put(key, 0, n, hash, c);
        }
        return c;
    }

    private Caller identify(ScannedLine line) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < headerIndexes.length; i++) {
            int index = headerIndexes[i];
            if (index >= 0 && line.extraFrom(index) >= 0) {
                fields.put(headerFields.get(i), line.text(line.extraFrom(index), line.extraTo(index)));
            }
        }
        String address = line.text(line.clientFrom(), line.clientTo());
        CallerIdentifier.Caller c = identify.identify(new CallerIdentifier.Request(address,
                text(line, line.userFrom(), line.userTo()), text(line, line.userAgentFrom(), line.userAgentTo()), fields));
        String name = c.name();
        return new Caller(ids.caller(name, c.known()), name, c.known(), crossings.crosses(address) ? address : null);
    }

    private Operation operation(ScannedLine line, Instant at) {
        DeployedApis.Window w = window(at);
        if (w != window) {
            window = w;
            matcherId = matcherIds.computeIfAbsent(w.matcher().isPresent() ? w.matcher().get() : this,
                    m -> matcherIds.size());
        }
        byte[] b = line.bytes();
        int path = line.targetFrom();
        int end = line.targetTo();
        int q = path;
        while (q < end && b[q] != '?') {
            q++;
        }
        // A path of the description: walked on its bytes (paths with ids rarely repeat, so they are not cached).
        String k = null;
        if (w.matcher().isPresent()) {
            k = w.matcher().get().matchKey(upperCaseMethod(b, line.methodFrom(), line.methodTo()), b, path, q, segments);
            if (k != null && k != OperationMatcher.UNDECIDED) {
                return matched(k);
            }
        }
        // Any other: by the method and path, which make the key of an unmatched call.
        int n = append(0, b, line.methodFrom(), line.methodTo());
        n = append(n, b, path, q);
        n = append(n, null, -1 - matcherId, 0); // and the description it is matched against
        int hash = BytesCache.hash(key, 0, n);
        Operation o = operations.get(key, 0, n, hash);
        if (o == null) {
            String method = line.text(line.methodFrom(), line.methodTo());
            String p = line.text(path, q); // the target without its query: it matches the same
            if (k != null) { // a percent-escape: decoded by the matcher's own reading
                k = w.matcher().get().matchKey(method, p).orElse(null);
            }
            if (k == null) {
                k = Usage.unmatched(method, p);
            }
            o = new Operation(ids.operation(k), k);
            operations.put(key, 0, n, hash, o);
        }
        return o;
    }

    /** The operation of a matched key (the matcher's own string, one per operation). */
    private Operation matched(String k) {
        Operation o = matchedOperations.get(k);
        if (o == null) {
            if (matchedOperations.size() >= IDS) {
                matchedOperations.clear();
            }
            o = new Operation(ids.operation(k), k);
            matchedOperations.put(k, o);
        }
        return o;
    }

    /** The method in upper case, as the matcher keys it; the last few are kept. */
    private String upperCaseMethod(byte[] b, int from, int to) {
        for (int i = 0; i < methods; i++) {
            byte[] m = methodBytes[i];
            if (java.util.Arrays.equals(m, 0, m.length, b, from, to)) {
                return methodNames[i];
            }
        }
        String name = new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toUpperCase(java.util.Locale.ROOT);
        int i = methods < methodBytes.length ? methods++ : nextMethod++ & (methodBytes.length - 1);
        methodBytes[i] = java.util.Arrays.copyOfRange(b, from, to);
        methodNames[i] = name;
        return name;
    }

    private DeployedApis.Window window(Instant at) {
        return window != null && window.contains(at) ? window : apis.window(at);
    }

    /** Adds {@code b[from, to)} to the key, after its length; only {@code from} when negative (absent). */
    private int append(int n, byte[] b, int from, int to) {
        int length = from < 0 ? from : to - from;
        int need = n + 4 + Math.max(length, 0);
        if (need > key.length) {
            key = java.util.Arrays.copyOf(key, Math.max(need, key.length * 2));
        }
        key[n] = (byte) (length >>> 24);
        key[n + 1] = (byte) (length >>> 16);
        key[n + 2] = (byte) (length >>> 8);
        key[n + 3] = (byte) length;
        if (length > 0) {
            System.arraycopy(b, from, key, n + 4, length);
        }
        return n + 4 + Math.max(length, 0);
    }

    private static Optional<String> text(ScannedLine line, int from, int to) {
        return from < 0 ? Optional.empty() : Optional.of(line.text(from, to));
    }
}
