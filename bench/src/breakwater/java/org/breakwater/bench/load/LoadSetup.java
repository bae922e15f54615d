package org.breakwater.bench.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.breakwater.App;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.BreakImpact;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.ReleaseAssessment;
import org.breakwater.policy.PolicyReader;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Prepares the store for the load benchmark (bench/load.sh), after {@code breakwater catalog
 * import} has stored {@code GenerateCatalog}'s catalog. Two steps:
 *
 * <pre>LoadSetup record   --generated DIR --db URL --data-dir DIR --out DIR [--plans 20] [--record-seconds 10]
 *LoadSetup describe --db URL --data-dir DIR --out DIR</pre>
 *
 * <p>{@code record} records {@code deployments.tsv} (oldest first, with each service's declared
 * API description) through {@link CatalogService#recordDeployment} for {@code --record-seconds},
 * the rest with batched SQL writing the same rows; then picks the services the plans ship (the
 * five most consumed bottom-layer services with an API, then others with an API at random,
 * seeded) and writes, for each, a candidate API description with breaking changes into
 * {@code OUT/specs/SERVICE/openapi.yaml} and a line of {@code OUT/plans.tsv} (service, next
 * major version, spec file, why chosen). load.sh then creates the plans with
 * {@code breakwater plan create}, as a user would.
 *
 * <p>{@code describe} assesses every plan once, in process, and writes {@code OUT/plans.properties}:
 * per plan the service, the breaking changes found and the consumers they reach, for the report.
 */
public final class LoadSetup {
    private static final long SEED = 20_261_126L;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LoadSetup record|describe OPTIONS");
            System.exit(2);
        }
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Path out = Path.of(required(o, "--out"));
        Files.createDirectories(out);
        App.Settings settings = new App.Settings(Optional.of(required(o, "--db")), Path.of(required(o, "--data-dir")));
        try (App app = App.open(settings, Clock.systemUTC())) {
            switch (args[0]) {
                case "record" -> record(app, Path.of(required(o, "--generated")), out,
                        Integer.parseInt(o.getOrDefault("--plans", "20")),
                        Long.parseLong(o.getOrDefault("--record-seconds", "10")));
                case "describe" -> describe(app, out);
                default -> throw new IllegalArgumentException("unknown step " + args[0]);
            }
        }
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    private static void log(String s) {
        System.err.println("   " + s);
    }

    // ------------------------------------------------------------------------------- record

    private static void record(App app, Path generated, Path out, int planCount, long recordSeconds) throws IOException {
        CatalogService catalog = app.catalog();
        Map<String, ApiDescription> apis = catalog.declaredApis();
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(generated.resolve("deployments.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                lines.add(line.split("\t"));
            }
        }
        long start = System.nanoTime();
        long limit = TimeUnit.SECONDS.toNanos(recordSeconds);
        int recorded = 0;
        for (String[] f : lines) {
            if (recordSeconds > 0 && System.nanoTime() - start > limit) {
                break;
            }
            NewDeployment d = new NewDeployment(f[1], f[2], f[3], Instant.ofEpochMilli(Long.parseLong(f[0])), f[4],
                    Optional.empty());
            Outcome<Deployment> r = catalog.recordDeployment(d, Optional.ofNullable(apis.get(f[1])));
            if (r instanceof Outcome.Refused<Deployment> refused) {
                throw new IllegalStateException("deployment refused: " + refused.reason());
            }
            recorded++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log(String.format(Locale.ROOT, "%,d deployments recorded through recordDeployment in %.1f s (%.0f per second)",
                recorded, seconds, recorded / seconds));
        if (recorded < lines.size()) {
            long t = System.nanoTime();
            insertInBulk(app.database().jdbi(), lines.subList(recorded, lines.size()), apis);
            log(String.format(Locale.ROOT, "the other %,d written with batched SQL in %.1f s", lines.size() - recorded,
                    (System.nanoTime() - t) / 1e9));
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("deployments", Integer.toString(lines.size()));
        props.put("recorded_api", Integer.toString(recorded));
        props.put("recorded_api_seconds", String.format(Locale.ROOT, "%.1f", seconds));
        props.put("recorded_bulk", Integer.toString(lines.size() - recorded));
        writeProperties(out.resolve("setup.properties"), props);
        choosePlans(generated, out, planCount, lines);
    }

    /** The rows {@code JdbiDeploymentRepository.record} writes (release, deployment), 5,000 to a transaction. */
    private static void insertInBulk(Jdbi jdbi, List<String[]> lines, Map<String, ApiDescription> apis) {
        long recordedAt = System.currentTimeMillis();
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

    /**
     * The services the plans ship: the five most consumed bottom-layer services with an API (the
     * generator makes the first services of a layer the popular ones), then others with an API at
     * random. Each ships its next major version with a candidate description that breaks.
     */
    private static void choosePlans(Path generated, Path out, int planCount, List<String[]> deployments) throws IOException {
        List<String[]> withApi = new ArrayList<>();
        for (String line : Files.readAllLines(generated.resolve("services.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f[2].equals("1")) {
                withApi.add(f);
            }
        }
        Map<String, Integer> major = new HashMap<>();
        for (String[] d : deployments) {
            int m = Integer.parseInt(d[2].substring(0, d[2].indexOf('.')));
            major.merge(d[1], m, Math::max);
        }
        Set<String> chosen = new LinkedHashSet<>();
        Map<String, String> why = new HashMap<>();
        for (String[] s : withApi) {
            if (chosen.size() >= Math.min(5, planCount)) {
                break;
            }
            if (s[1].equals("0")) {
                chosen.add(s[0]);
                why.put(s[0], "popular bottom-layer service");
            }
        }
        List<String[]> rest = new ArrayList<>(withApi);
        Collections.shuffle(rest, new Random(SEED));
        for (String[] s : rest) {
            if (chosen.size() >= planCount) {
                break;
            }
            if (chosen.add(s[0])) {
                why.put(s[0], "random service with an API (layer " + s[1] + ")");
            }
        }
        Path specs = out.resolve("specs");
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("plans.tsv"), StandardCharsets.UTF_8)) {
            for (String service : chosen) {
                String declared = Files.readString(generated.resolve("catalog/apis").resolve(service).resolve("openapi.yaml"));
                Path spec = specs.resolve(service).resolve("openapi.yaml");
                Files.createDirectories(spec.getParent());
                Files.writeString(spec, breaking(declared), StandardCharsets.UTF_8);
                String version = (major.getOrDefault(service, 1) + 1) + ".0.0";
                w.write(service + "\t" + version + "\t" + spec.toAbsolutePath() + "\t" + why.get(service) + "\n");
            }
        }
        log(chosen.size() + " plans chosen: " + out.resolve("plans.tsv"));
    }

    /**
     * The candidate: the declared description with five edits a client can break on. The first
     * resource's update operation removed, its {@code id} turned integer (every operation that
     * returns it), its request body's {@code description} made required; the second resource's
     * list operation's {@code cursor} parameter made required.
     */
    static String breaking(String y) {
        String s = y.replace("version: \"1.0.0\"", "version: \"2.0.0\"");
        // 1. the first PUT (update of the first resource) removed: from "    put:" to the next path or "components:"
        int put = s.indexOf("\n    put:\n");
        if (put >= 0) {
            int end = nextTopLevelPathOrComponents(s, put + 1);
            s = s.substring(0, put + 1) + s.substring(end);
        }
        // 2. the first id property turned integer
        s = replaceFirst(s, "id: {type: string}", "id: {type: integer}");
        // 3. a request field made required
        s = replaceFirst(s, "required: [name]", "required: [name, description]");
        // 4. the second list operation's cursor made required
        String cursor = "- {name: cursor, in: query, schema: {type: string}}";
        int first = s.indexOf(cursor);
        int second = first < 0 ? -1 : s.indexOf(cursor, first + 1);
        if (second >= 0) {
            s = s.substring(0, second) + "- {name: cursor, in: query, required: true, schema: {type: string}}"
                    + s.substring(second + cursor.length());
        }
        return s;
    }

    private static int nextTopLevelPathOrComponents(String s, int from) {
        int i = from;
        while (true) {
            int nl = s.indexOf('\n', i);
            if (nl < 0) {
                return s.length();
            }
            int lineStart = nl + 1;
            if (s.startsWith("  /", lineStart) || s.startsWith("components:", lineStart)) {
                return lineStart;
            }
            i = lineStart;
        }
    }

    private static String replaceFirst(String s, String what, String with) {
        int i = s.indexOf(what);
        return i < 0 ? s : s.substring(0, i) + with + s.substring(i + what.length());
    }

    // ------------------------------------------------------------------------------ describe

    private static void describe(App app, Path out) throws Exception {
        PlanService plans = app.plans(PolicyReader.defaults());
        Map<String, String> props = new LinkedHashMap<>();
        List<Plan> all = new ArrayList<>(plans.list(Optional.empty()));
        all.sort(java.util.Comparator.comparingLong(Plan::id));
        long totalBreaks = 0;
        long maxConsumers = 0;
        long sumConsumers = 0;
        for (Plan p : all) {
            long t = System.nanoTime();
            PlanReport r = ((Outcome.Done<PlanReport>) plans.report(p.id())).value();
            double ms = (System.nanoTime() - t) / 1e6;
            int breaks = 0;
            Set<String> consumers = new LinkedHashSet<>();
            int listed = 0;
            for (ReleaseAssessment ra : r.assessment().releases()) {
                for (BreakImpact i : ra.impacts()) {
                    breaks++;
                    listed += i.consumers().size();
                    for (AffectedConsumer a : i.consumers()) {
                        consumers.add(a.consumer().name());
                    }
                }
            }
            String k = "plan." + p.id() + ".";
            props.put(k + "releases", p.releaseLabel());
            props.put(k + "status", p.status().id());
            props.put(k + "breaking", Integer.toString(breaks));
            props.put(k + "consumers", Integer.toString(consumers.size()));
            props.put(k + "consumer_rows", Integer.toString(listed));
            props.put(k + "teams", Integer.toString(r.assessment().consumersByTeam().size()));
            props.put(k + "verdict", r.assessment().verdict().label());
            props.put(k + "gates", Integer.toString(r.gates().size()));
            props.put(k + "first_report_ms", String.format(Locale.ROOT, "%.1f", ms));
            totalBreaks += breaks;
            sumConsumers += consumers.size();
            maxConsumers = Math.max(maxConsumers, consumers.size());
            log(String.format(Locale.ROOT, "plan %d %s: %d breaking changes, %,d consumers reached (%,d rows), %.0f ms",
                    p.id(), p.releaseLabel(), breaks, consumers.size(), listed, ms));
        }
        props.put("plans", Integer.toString(all.size()));
        props.put("plan_ids", String.join(",", all.stream().map(p -> Long.toString(p.id())).toList()));
        props.put("breaking_total", Long.toString(totalBreaks));
        props.put("consumers_mean", String.format(Locale.ROOT, "%.0f", all.isEmpty() ? 0.0 : (double) sumConsumers / all.size()));
        props.put("consumers_max", Long.toString(maxConsumers));
        writeProperties(out.resolve("plans.properties"), props);
    }

    static void writeProperties(Path file, Map<String, String> props) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : props.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace("\n", " ") + "\n");
            }
        }
    }
}
