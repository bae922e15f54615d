package org.breakwater.bench.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogRepository;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.StoredApis;
import org.breakwater.catalog.store.JdbiCatalogRepository;
import org.breakwater.catalog.store.JdbiDeploymentRepository;
import org.breakwater.calendar.store.JdbiCalendarRepository;
import org.breakwater.plan.CanDeploy;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.cli.PlanJson;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyReader;
import org.breakwater.web.WebServer;

/**
 * Where a can-deploy request's time goes, in process, single-threaded, over the store that
 * load.sh serves: the work behind {@code GET /api/v1/can-deploy?plan=ID} ({@link PlanService#canDeploy}
 * and the JSON the route writes), once as {@link App} builds it and once with the one change
 * the profile points at, {@link CatalogRepository#load()} remembered until the next import
 * (what {@code CatalogService} already does for the consumer graph); and
 * {@link CatalogService#export()} alone, which {@code Assessor.assess} calls on every assessment
 * to learn which teams are outside infrastructure.
 *
 * <pre>LoadDiagnose --db URL --data-dir DIR --plans 1,2,... --out FILE.properties [--seconds 12]</pre>
 *
 * <p>Nothing in Breakwater is changed: the second variant wraps the shipped repository in a
 * caching decorator built here. Each measure: warm-up for {@code --seconds}, then timed calls
 * over the plans in turn for {@code --seconds}.
 */
public final class LoadDiagnose {
    private static final JsonFactory JSON = new JsonFactory();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        long[] plans = Arrays.stream(o.get("--plans").split(",")).mapToLong(Long::parseLong).toArray();
        long nanos = TimeUnit.SECONDS.toNanos(Long.parseLong(o.getOrDefault("--seconds", "12")));
        Clock clock = Clock.systemUTC();
        Policy policy = PolicyReader.defaults();
        Map<String, String> out = new LinkedHashMap<>();
        try (App app = App.open(new App.Settings(Optional.of(o.get("--db")), Path.of(o.get("--data-dir"))), clock)) {
            PlanService shipped = app.plans(policy);
            var jdbi = app.database().jdbi();
            JdbiDeploymentRepository deployments = new JdbiDeploymentRepository(jdbi);
            CatalogService cachedCatalog = new CatalogService(new CachingLoad(new JdbiCatalogRepository(jdbi, clock)),
                    deployments, new StoredApis(deployments, ReadLimits.defaults()), clock);
            JdbiCalendarRepository calendar = new JdbiCalendarRepository(jdbi);
            PlanService cached = new PlanService(new JdbiPlanRepository(jdbi), cachedCatalog, policy, calendar::load, clock);

            measure(out, "export", "CatalogService.export() alone", plans, nanos, id -> app.catalog().export().teams().size());
            measure(out, "shipped", "can-deploy as shipped", plans, nanos, id -> canDeploy(shipped, id));
            measure(out, "cached", "can-deploy, nothing kept (catalog load() cached)", plans, nanos, id -> canDeploy(cached, id));
            WebServer server = WebServer.start(app, policy, "127.0.0.1", 0);
            try (ServerThreads threads = new ServerThreads(server.port())) {
                measure(out, "http_can_deploy", "GET /api/v1/can-deploy?plan=ID (server threads)", plans, nanos,
                        id -> threads.get("/api/v1/can-deploy?plan=" + id), threads);
                measure(out, "http_plan_page", "GET /plans/ID (server threads)", plans, nanos,
                        id -> threads.get("/plans/" + id), threads);
            } finally {
                server.close();
            }
        }
        LoadSetup.writeProperties(Path.of(o.get("--out")), out);
    }

    /** The can-deploy route's work: the answer and its JSON; returns the JSON's length. */
    private static int canDeploy(PlanService plans, long id) {
        Outcome<CanDeploy> o = plans.canDeploy(id);
        if (!(o instanceof Outcome.Done<CanDeploy> d)) {
            throw new IllegalStateException("no plan " + id);
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            PlanJson.canDeploy(g, d.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.getBuffer().length();
    }

    private static void measure(Map<String, String> out, String key, String what, long[] plans, long nanos,
                                LongFunction<Integer> call) {
        measure(out, key, what, plans, nanos, call, new CallingThread());
    }

    private static void measure(Map<String, String> out, String key, String what, long[] plans, long nanos,
                                LongFunction<Integer> call, Cost cost) {
        long end = System.nanoTime() + nanos;
        int i = 0;
        // at least two passes: the first assessment of a large plan takes seconds on a busy machine
        while (System.nanoTime() < end || i < 2 * plans.length) {
            call.apply(plans[i++ % plans.length]);
        }
        List<Long> times = new ArrayList<>();
        long size = 0;
        long[] start = cost.now();
        end = System.nanoTime() + nanos;
        i = 0;
        while (System.nanoTime() < end || i < plans.length) {
            long t = System.nanoTime();
            size += call.apply(plans[i++ % plans.length]);
            times.add(System.nanoTime() - t);
        }
        // CPU time of this thread per call: what the call costs whatever else the machine runs
        long[] end2 = cost.now();
        double cpuMs = (end2[0] - start[0]) / 1e6 / times.size();
        out.put(key + ".cpu_ms", LoadGen.fmt(cpuMs));
        out.put(key + ".alloc_kb", LoadGen.fmt((end2[1] - start[1]) / 1024.0 / times.size()));
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        out.put(key + ".what", what);
        out.put(key + ".calls", Integer.toString(sorted.length));
        out.put(key + ".mean_ms", LoadGen.fmt(mean));
        out.put(key + ".p50_ms", LoadGen.fmt(LoadGen.pct(sorted, 50) / 1e6));
        out.put(key + ".p99_ms", LoadGen.fmt(LoadGen.pct(sorted, 99) / 1e6));
        out.put(key + ".max_ms", LoadGen.fmt(LoadGen.max(sorted) / 1e6));
        out.put(key + ".mean_size", Long.toString(size / sorted.length));
        System.err.printf(Locale.ROOT, "   %s: %,d calls, mean %.2f ms, p50 %s ms, p99 %s ms; CPU %s ms, %s kB allocated per call%n",
                what, sorted.length, mean, out.get(key + ".p50_ms"), out.get(key + ".p99_ms"), out.get(key + ".cpu_ms"),
                out.get(key + ".alloc_kb"));
    }

    /** CPU nanoseconds and bytes allocated so far by the threads a measure charges. */
    private interface Cost {
        long[] now();
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** The measuring thread's own: the call runs on it. */
    private static final class CallingThread implements Cost {
        @Override
        public long[] now() {
            return new long[] {THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadAllocatedBytes()};
        }
    }

    /**
     * Requests over one keep-alive connection to a server in this JVM, charged with every other
     * Java thread's CPU time and allocation (the server's: Jetty's, the pool's, the log's), the
     * client thread's own left out. Threads that end between two readings take theirs with them.
     */
    private static final class ServerThreads implements Cost, AutoCloseable {
        private final LoadGen.Connection connection;
        private final byte[] buffer = new byte[64 * 1024];
        private final int port;

        ServerThreads(int port) throws IOException {
            this.port = port;
            this.connection = new LoadGen.Connection("127.0.0.1", port, 10_000);
        }

        int get(String path) {
            try {
                connection.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                LoadGen.Response r = connection.read(buffer);
                if (r.status() != 200) {
                    throw new IllegalStateException(path + ": HTTP " + r.status());
                }
                return (int) r.bodyBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long[] now() {
            long self = Thread.currentThread().getId();
            long[] ids = java.util.Arrays.stream(THREADS.getAllThreadIds()).filter(id -> id != self).toArray();
            long cpu = 0;
            for (long t : THREADS.getThreadCpuTime(ids)) {
                cpu += Math.max(t, 0);
            }
            long bytes = 0;
            for (long b : THREADS.getThreadAllocatedBytes(ids)) {
                bytes += Math.max(b, 0);
            }
            return new long[] {cpu, bytes};
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    /** The shipped repository, with {@link #load()} remembered until {@link #generation()} moves (an import). */
    private static final class CachingLoad implements CatalogRepository {
        private final CatalogRepository inner;
        private volatile Catalog catalog;
        private volatile long generation = -1;

        CachingLoad(CatalogRepository inner) {
            this.inner = inner;
        }

        @Override
        public Catalog load() {
            long g = inner.generation();
            Catalog c = catalog;
            if (c == null || g != generation) {
                c = inner.load();
                catalog = c;
                generation = g;
            }
            return c;
        }

        @Override
        public ImportSummary replace(Catalog c, Map<String, ApiDescription> declaredApis) {
            return inner.replace(c, declaredApis);
        }

        @Override
        public List<Service> services() {
            return inner.services();
        }

        @Override
        public Optional<Service> service(String name) {
            return inner.service(name);
        }

        @Override
        public List<Environment> environments() {
            return inner.environments();
        }

        @Override
        public Optional<String> declaredApi(String service) {
            return inner.declaredApi(service);
        }

        @Override
        public List<ReachedUse> uses() {
            return inner.uses();
        }

        @Override
        public long generation() {
            return inner.generation();
        }
    }
}
