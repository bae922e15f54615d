package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.breakwater.App;
import org.breakwater.traffic.parse.ChunkedLogReader;
import org.breakwater.traffic.parse.LogFormat;
import org.breakwater.traffic.parse.LogReader;
import org.breakwater.traffic.parse.ReadSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest's fast path (lines read in place, cached callers and operations, chunks on several
 * threads, counts merged in file order) counts exactly what the plain path counts (each record
 * parsed, named by the rules, matched by the tree, added to the Tally one by one): the same
 * usages with the same first and last times, past the Tally's limits on unknown callers and
 * unmatched paths, across two deployed descriptions, with caches small enough to be emptied
 * again and again.
 */
class ParallelIngestTest {
    static final LogFormat FORMAT = LogFormat.nginx(LogFormat.COMBINED + " \"$http_x_api_key\"");
    static final List<CallerRule> RULES = List.of(
            new CallerRule("bodhi", CallerRule.Kind.USER_AGENT, "^bodhi/", Optional.empty()),
            new CallerRule("alias-script", CallerRule.Kind.ADDRESS, "10.5.126.0/24", Optional.empty()),
            new CallerRule("alice-tool", CallerRule.Kind.USER, "alice", Optional.empty()),
            new CallerRule("keyed", CallerRule.Kind.HEADER, "secret", Optional.of("X-Api-Key")));

    static final int[] STATUSES = {200, 200, 200, 301, 404, 503};

    @TempDir
    Path dir;

    App app;
    DeployedApis apis;
    final Instant rollout = Instant.parse("2014-06-16T15:00:00Z");

    @BeforeEach
    void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        PkgdbCutOver.record(app, rollout);
        apis = new DeployedApis(app.catalog(), "pkgdb", "production");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static final String[] TARGETS = {
        "/pkgdb/api/package/guake", "/pkgdb/api/package/guake?acls=true", "/pkgdb/packages/name/guake?tg_format=json",
        "/pkgdb/api/packages?pattern=py*", "/pkgdb/api/packages/", "/pkgdb//api//collections", "/pkgdb/api/package/a%20b",
        "http://pkgdb.example.org/pkgdb/api/package/x?y=1", "/pkgdb/api/critpath", "/api/package/zsh",
        "/pkgdb/api/package/x#frag?q", "/", "/favicon.ico", "/pkgdb/api/packager/package/pingou",
        "/pkgdb/api/package/acl/get/guake", "/pkgdb/api/collections/?format=json"};
    static final String[] METHODS = {"GET", "GET", "GET", "HEAD", "POST", "get", "DELETE"};

    /** A log out of order around the roll-out, with more unknown callers and unmatched paths than the Tally keeps. */
    String log(int lines, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            Instant at = rollout.plusSeconds(random.nextInt(4 * 3600) - 2 * 3600);
            String client = random.nextInt(20) == 0 ? "10.5.126." + random.nextInt(256)
                    : "192.0.2." + random.nextInt(40);
            String user = random.nextInt(30) == 0 ? "alice" : random.nextInt(30) == 0 ? "" : "-";
            String agent = switch (random.nextInt(7)) {
                case 0 -> "bodhi/0." + random.nextInt(3);
                case 1, 6 -> "scanner/" + random.nextInt(100_000); // far more unknown callers than the Tally keeps
                case 2 -> "-";
                case 3 -> "";
                default -> "python-requests/2." + random.nextInt(5);
            };
            String target = random.nextInt(4) == 0 ? "/wp-admin/" + random.nextInt(3000) + ".php?x=" + random.nextInt(9)
                    : TARGETS[random.nextInt(TARGETS.length)];
            String key = random.nextInt(10) == 0 ? "secret" : random.nextInt(3) == 0 ? "other" : "-";
            String line = client + " - " + user + " [" + TrafficIngestTest.CLF.format(at) + "] \""
                    + METHODS[random.nextInt(METHODS.length)] + " " + target + " HTTP/1.1\" " + STATUSES[random.nextInt(STATUSES.length)] + " 12 \"-\" \"" + agent
                    + "\" \"" + key + "\"";
            if (random.nextInt(500) == 0) {
                line = "garbage " + i;
            } else if (random.nextInt(300) == 0) {
                line = line.replace("python", "pythön"); // not ASCII: parsed the plain way
            }
            b.append(line).append(random.nextInt(50) == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    record Counted(ReadSummary summary, List<Usage> usages) {
    }

    /** The plain path, as ingest counted before it read in chunks. */
    Counted plain(byte[] log) {
        CallerIdentifier identify = new CallerIdentifier(RULES, a -> Optional.empty());
        Tally tally = new Tally("pkgdb", "production");
        ReadSummary s = new LogReader(FORMAT).read("access.log", new ByteArrayInputStream(log), r -> {
            CallerIdentifier.Caller caller = identify.identify(new CallerIdentifier.Request(r.client(), r.remoteUser(),
                    r.userAgent(), r.extra()));
            String operation = apis.at(r.time()).flatMap(m -> m.match(r.method(), r.target()))
                    .map(org.breakwater.apidiff.spec.Operation::key)
                    .orElseGet(() -> Usage.unmatched(r.method(), TrafficService.path(r.target())));
            tally.add(caller, operation, r.time());
        });
        return new Counted(s, tally.usages());
    }

    Counted fast(byte[] log, int chunk, int threads, int cache, int limit, List<LineCounter> counters) {
        CallerIdentifier identify = new CallerIdentifier(RULES, a -> Optional.empty());
        Tally tally = new Tally("pkgdb", "production");
        NameIds ids = new NameIds(limit);
        TallySlots slots = new TallySlots(tally, limit);
        ReadSummary s = new ChunkedLogReader(FORMAT, LogReader.DEFAULT_MAX_LINE_BYTES, LogReader.DEFAULT_SAMPLES, chunk,
                threads).read("access.log", new ByteArrayInputStream(log), () -> {
                    LineCounter c = new LineCounter(apis, identify, ids, cache, cache);
                    synchronized (counters) {
                        counters.add(c);
                    }
                    return c;
                }, c -> c.addTo(slots));
        assertThat(slots.size()).isLessThanOrEqualTo(limit);
        return new Counted(s, tally.usages());
    }

    @Test
    void the_fast_path_counts_exactly_what_the_plain_path_counts() {
        byte[] log = log(60_000, 11).getBytes(StandardCharsets.UTF_8);
        Counted expected = plain(log);
        assertThat(expected.usages()).extracting(Usage::caller).contains(Tally.OTHER_CALLERS, "bodhi", "alias-script",
                "alice-tool", "keyed");
        assertThat(expected.usages()).extracting(Usage::operation).contains(Tally.OTHER_PATHS, "GET /package/{}",
                "GET /packages/name/{}");
        assertThat(expected.summary().malformed()).isGreaterThan(0);
        List<LineCounter> counters = new ArrayList<>();
        assertThat(fast(log, ChunkedLogReader.DEFAULT_CHUNK_BYTES, 2, LineCounter.CALLERS, NameIds.LIMIT, counters))
                .isEqualTo(expected);
        assertThat(fast(log, 64 * 1024 + 1, 2, LineCounter.CALLERS, NameIds.LIMIT, counters)).isEqualTo(expected);
        assertThat(fast(log, 5000, 3, LineCounter.CALLERS, NameIds.LIMIT, counters)).isEqualTo(expected);
        assertThat(fast(log, 100_000, 1, LineCounter.CALLERS, NameIds.LIMIT, counters)).isEqualTo(expected);
    }

    @Test
    void caches_stay_within_their_limits_and_emptying_them_changes_no_count() {
        byte[] log = log(20_000, 12).getBytes(StandardCharsets.UTF_8);
        Counted expected = plain(log);
        List<LineCounter> counters = new ArrayList<>();
        assertThat(fast(log, 3000, 2, 7, 30, counters)).isEqualTo(expected);
        assertThat(counters).isNotEmpty().allSatisfy(c -> assertThat(c.cached()).isLessThanOrEqualTo(14));
        assertThat(fast(log, 70_000, 1, 1, 1, counters)).isEqualTo(expected);
    }

    @Test
    void a_bytes_cache_never_holds_more_than_its_capacity() {
        BytesCache<String> cache = new BytesCache<>(5);
        for (int i = 0; i < 100; i++) {
            byte[] key = ("key" + i).getBytes(StandardCharsets.US_ASCII);
            int hash = BytesCache.hash(key, 0, key.length);
            assertThat(cache.get(key, 0, key.length, hash)).isNull();
            cache.put(key, 0, key.length, hash, "value" + i);
            assertThat(cache.get(key, 0, key.length, hash)).isEqualTo("value" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(5);
        }
    }

    /** The Tally a fast read makes: per-chunk counts added in order, or (one thread) each call straight in. */
    Tally tally(byte[] log, int chunk, int threads, boolean direct) {
        CallerIdentifier identify = new CallerIdentifier(RULES, a -> Optional.empty());
        Tally tally = new Tally("pkgdb", "production");
        NameIds ids = new NameIds();
        TallySlots slots = new TallySlots(tally);
        ChunkCounts.Pool pool = new ChunkCounts.Pool();
        new ChunkedLogReader(FORMAT, LogReader.DEFAULT_MAX_LINE_BYTES, LogReader.DEFAULT_SAMPLES, chunk, threads)
                .read("access.log", new ByteArrayInputStream(log), () -> direct
                        ? new LineCounter(apis, identify, ids).direct(slots)
                        : new LineCounter(apis, identify, ids).recycling(pool), c -> {
                            c.addTo(slots);
                            pool.recycle(c);
                        });
        return tally;
    }

    @Test
    void one_thread_adding_each_call_straight_to_the_tally_counts_what_chunks_count_statuses_too() {
        byte[] log = log(60_000, 13).getBytes(StandardCharsets.UTF_8);
        Tally chunked = tally(log, 5000, 2, false);
        Tally direct = tally(log, 100_000, 1, true);
        assertThat(direct.usages()).isEqualTo(chunked.usages()).isEqualTo(plain(log).usages());
        List<StatusCount> statuses = new ArrayList<>(chunked.statuses());
        assertThat(statuses).extracting(StatusCount::serverErrors).contains(1L);
        assertThat(new ArrayList<>(direct.statuses())).isEqualTo(statuses);
    }
}
