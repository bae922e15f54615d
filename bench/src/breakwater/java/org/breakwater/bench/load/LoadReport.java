package org.breakwater.bench.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns bench/load.sh's results into the load section of docs/benchmarks.md: replaces what lies
 * between {@link #BEGIN} and {@link #END}, or appends the section when the file has none.
 *
 * <pre>LoadReport RESULTS_DIR DOC.md [POSTGRESQL_RESULTS_DIR]</pre>
 * The third folder, when it holds results, holds the same endpoint measures with the server on
 * PostgreSQL: the verdict then has a row per store and endpoint.
 */
public final class LoadReport {
    public static final String BEGIN = "<!-- load-benchmark:begin -->";
    public static final String END = "<!-- load-benchmark:end -->";
    static final double TARGET_RATE = 500;
    static final double TARGET_P99_MS = 50;
    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("can-deploy", "`GET /api/v1/can-deploy?plan=ID`");
        ENDPOINTS.put("plan-page", "`GET /plans/ID` (the plan page, HTML)");
    }

    private final Path dir;
    private final Properties machine;
    private final StringBuilder md = new StringBuilder();
    /** The same measures on PostgreSQL, when they were taken. */
    private LoadReport postgres;

    private LoadReport(Path dir) throws IOException {
        this.dir = dir;
        this.machine = load(dir.resolve("machine.properties"));
    }

    public static void main(String[] args) throws IOException {
        LoadReport r = new LoadReport(Path.of(args[0]));
        if (args.length > 2 && Files.exists(Path.of(args[2], "machine.properties"))) {
            r.postgres = new LoadReport(Path.of(args[2]));
        }
        String section = r.render();
        Path doc = Path.of(args[1]);
        String old = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        Files.writeString(doc, splice(old, section), StandardCharsets.UTF_8);
        System.out.print(r.summary());
    }

    /** {@code doc} with its load section replaced by {@code section} (markers included), or with it appended. */
    static String splice(String doc, String section) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin >= 0 && end > begin) {
            int after = end + END.length();
            if (after < doc.length() && doc.charAt(after) == '\n') {
                after++;
            }
            return doc.substring(0, begin) + section + doc.substring(after);
        }
        String base = doc.isEmpty() || doc.endsWith("\n\n") ? doc : doc.endsWith("\n") ? doc + "\n" : doc + "\n\n";
        return base + section;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    // ------------------------------------------------------------------------------------ wrk

    /** What wrk printed, in ms and counts. */
    record Wrk(double rps, long requests, double seconds, Map<String, Double> percentiles, double maxMs, long non2xx,
               long socketErrors, long timeouts, double mbRead, String loadEnd) {
        long errors() {
            return non2xx + socketErrors + timeouts;
        }
    }

    static Wrk wrk(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        String t = Files.readString(file);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(t);
        if (!rps.find()) {
            return null;
        }
        Matcher req = Pattern.compile("(\\d+) requests in ([\\d.]+)(\\w+), ([\\d.]+)(\\w+) read").matcher(t);
        long requests = 0;
        double seconds = 0;
        double mb = 0;
        if (req.find()) {
            requests = Long.parseLong(req.group(1));
            seconds = time(req.group(2) + req.group(3)) / 1000;
            mb = bytes(Double.parseDouble(req.group(4)), req.group(5)) / 1e6;
        }
        Map<String, Double> pct = new LinkedHashMap<>();
        double max = Double.NaN;
        if (requests > 0) { // with no answer at all wrk prints zeros
            Matcher p = Pattern.compile("(?m)^\\s+(50|75|90|99)%\\s+([\\d.]+\\w+)").matcher(t);
            while (p.find()) {
                pct.put(p.group(1), time(p.group(2)));
            }
            Matcher lat = Pattern.compile("(?m)^\\s+Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)").matcher(t);
            if (lat.find()) {
                max = time(lat.group(3));
            }
        }
        long non2xx = 0;
        Matcher n = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(t);
        if (n.find()) {
            non2xx = Long.parseLong(n.group(1));
        }
        long socket = 0;
        long timeouts = 0;
        Matcher s = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(t);
        if (s.find()) {
            socket = Long.parseLong(s.group(1)) + Long.parseLong(s.group(2)) + Long.parseLong(s.group(3));
            timeouts = Long.parseLong(s.group(4));
        }
        Matcher le = Pattern.compile("load_end=(.*)").matcher(t);
        return new Wrk(Double.parseDouble(rps.group(1)), requests, seconds, pct, max, non2xx, socket, timeouts, mb,
                le.find() ? le.group(1).trim() : "?");
    }

    /** A wrk time ("812.00us", "1.20ms", "2.01s", "1.00m") in ms. */
    static double time(String v) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(v);
        if (!m.matches()) {
            return Double.NaN;
        }
        double x = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> x / 1000;
            case "ms" -> x;
            case "s" -> x * 1000;
            default -> x * 60_000;
        };
    }

    static double bytes(double v, String unit) {
        return switch (unit) {
            case "KB" -> v * 1024;
            case "MB" -> v * 1024 * 1024;
            case "GB" -> v * 1024 * 1024 * 1024;
            default -> v;
        };
    }

    // ------------------------------------------------------------------------------ rendering

    private void line(String s) {
        md.append(s).append('\n');
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    static String whole(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    static double num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank() || v.equals("NaN") || v.equals("?")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A latency from LoadGen's properties, "≥" when it is only a lower bound. */
    static String latency(Properties p, String key) {
        String v = fmt(num(p, key + "_ms"));
        return "true".equals(p.getProperty(key + "_lower_bound")) ? "≥ " + v : v;
    }

    static String rateLabel(String rate) {
        double r = Double.parseDouble(rate);
        return r == Math.rint(r) ? String.format(Locale.ROOT, "%,d", (long) r) : rate;
    }

    private List<String> rates(String endpoint) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("rate-" + endpoint + "-") && n.endsWith(".properties"))
                    .map(n -> n.substring(("rate-" + endpoint + "-").length(), n.length() - ".properties".length()))
                    .sorted((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b))).forEach(out::add);
        }
        return out;
    }

    private Properties rate(String endpoint, String rate) throws IOException {
        return load(dir.resolve("rate-" + endpoint + "-" + rate + ".properties"));
    }

    /** The run at the target rate, if measured. */
    private Properties targetRun(String endpoint) throws IOException {
        for (String r : rates(endpoint)) {
            if (Double.parseDouble(r) == TARGET_RATE) {
                return rate(endpoint, r);
            }
        }
        return null;
    }

    static boolean meets(Properties p) {
        return p != null && num(p, "errors") == 0 && num(p, "p99_ms") < TARGET_P99_MS
                && !"true".equals(p.getProperty("p99_lower_bound"));
    }

    String render() throws IOException {
        List<String> endpoints = List.of(machine.getProperty("endpoints", "can-deploy plan-page").trim().split("\\s+"));
        Properties plans = load(dir.resolve("plans.properties"));
        Properties setup = load(dir.resolve("setup.properties"));
        Properties importP = load(dir.resolve("import.properties"));
        Properties diag = load(dir.resolve("diagnose.properties"));
        String serverOpts = machine.getProperty("server_opts", "");

        line(BEGIN);
        line("## Web server under load");
        line("");
        line("_Generated by `bench/load.sh` on " + machine.getProperty("date") + ". Do not edit by hand: rerun the"
                + " script (this section only)._");
        line("");
        line("Issue 5's load test: `breakwater serve` over the generated catalog of " + String.format(Locale.ROOT, "%,d",
                (long) num(machine, "services")) + " services, with " + machine.getProperty("plans") + " deployment plans,"
                + " driven on loopback at fixed request rates and at maximum throughput, for " + String.join(" and ",
                endpoints.stream().map(e -> ENDPOINTS.getOrDefault(e, e)).toList()) + " separately. **Target: p99 under "
                + whole(TARGET_P99_MS) + " ms at " + whole(TARGET_RATE) + " requests per second, no errors.**");
        line("");
        line("| | |");
        line("|---|---|");
        line("| CPU | " + machine.getProperty("nproc") + " cores (`nproc`), " + machine.getProperty("cpu", "?")
                .replaceAll("\\s+", " ") + "; server, load generator and other people's builds share them |");
        line("| Memory | " + machine.getProperty("memory") + " |");
        line("| OS | " + machine.getProperty("kernel") + " |");
        line("| Java | `" + machine.getProperty("java", "").trim() + "` |");
        String dirty = machine.getProperty("dirty", "");
        line("| Breakwater | `" + machine.getProperty("commit") + "`" + (dirty.isBlank() ? ""
                : " plus uncommitted changes (" + dirty + "): the work tree as built by `./breakwater`") + " |");
        line("| Store | " + machine.getProperty("store") + " |");
        line("| Server | `java " + serverOpts + " -jar breakwater.jar serve --db jdbc:sqlite:… --port 0`; peak RSS "
                + machine.getProperty("server_rss_mb", "?") + " MB" + gcSummary() + " |");
        line("| Load generators | fixed rates: `LoadGen` (bench, open loop, " + machine.getProperty("connections")
                + " keep-alive connections); maximum: `" + machine.getProperty("wrk", "wrk") + "`, 2 threads, "
                + machine.getProperty("wrk_connections") + " connections |");
        line("| Load average (1, 5, 15 min) | start of the measures " + machine.getProperty("load_start") + "; end "
                + machine.getProperty("load_end") + "; per run in the tables |");
        long elapsed = (long) num(machine, "elapsed_seconds");
        line("| Whole run of `bench/load.sh` | " + elapsed / 60 + " min " + elapsed % 60 + " s, "
                + machine.getProperty("waited_seconds") + " s of it waiting for a quiet machine |");
        line("");
        double waitLimit = num(machine, "wait_limit");
        line("The machine is shared and its cores are not isolated: the script first waits (up to " + whole(waitLimit)
                + " s) for the 1-minute load average to fall to " + machine.getProperty("wait_threshold") + ("no".equals(
                machine.getProperty("quiet_reached")) ? "; it never did, and measured anyway." : "; it waited "
                + machine.getProperty("waited_seconds") + " s.") + " The load generator runs on the same two cores as"
                + " the server. The load average at the start and end of each run is in the tables: where it is well"
                + " above 2, someone else's work was competing for the cores and the figures are worse than a quiet"
                + " machine would give.");
        line("");

        // verdict
        line("### Verdict");
        line("");
        line("| Endpoint | Store | Achieved at " + whole(TARGET_RATE) + " req/s | p99 at " + whole(TARGET_RATE) + " req/s | Errors |"
                + " Maximum throughput (wrk) | Server CPU per request | Highest fixed rate meeting p99 < " + whole(TARGET_P99_MS)
                + " ms, no errors | Target met? |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---|");
        StringBuilder summary = new StringBuilder();
        for (String e : endpoints) {
            verdictRow(e, "SQLite", summary);
            if (postgres != null) {
                postgres.verdictRow(e, "PostgreSQL", summary);
                line(postgres.md.toString().stripTrailing());
                postgres.md.setLength(0);
            }
        }
        this.summaryText = summary.toString();
        line("");
        if (postgres != null) {
            line(postgres.machine.getProperty("store", "PostgreSQL") + ", on the same machine; the server the"
                    + " same (`--db jdbc:postgresql://…`), the same catalog, deployments and plans, measured after SQLite"
                    + " (load average " + postgres.machine.getProperty("load_start", "?") + " at the start, "
                    + postgres.machine.getProperty("load_end", "?") + " at the end); peak RSS "
                    + postgres.machine.getProperty("server_rss_mb", "?") + " MB; its tables follow SQLite's below.");
            line("");
        }

        if (machine.getProperty("server_stopped") != null) {
            line("**The server process stopped during the run " + machine.getProperty("server_stopped") + "** (its log is in"
                    + " the raw results); the script started another for the runs after it.");
            line("");
        }
        line("\"Errors\" counts non-2xx answers, socket errors, timeouts and requests not answered within "
                + machine.getProperty("grace") + " s of the end of the run (they are counted in the percentiles"
                + " with the time they had waited by then, a lower bound, marked ≥).");
        line("");
        diagnosis(diag, catalogSize());

        // the data
        line("### The data");
        line("");
        String gen = "";
        List<String> genLines = Files.exists(dir.resolve("generate.txt")) ? Files.readAllLines(dir.resolve("generate.txt")) : List.of();
        if (!genLines.isEmpty()) {
            gen = genLines.get(0).replaceFirst("^generated [^:]*: ", "");
        }
        line("- The catalog: `GenerateCatalog` (the generator of `bench/catalog.sh`, same seed): " + gen + ". Imported with"
                + " `breakwater catalog import` in " + fmt(num(importP, "import_ms") / 1000) + " s.");
        line("- Deployments: " + String.format(Locale.ROOT, "%,d", (long) num(setup, "deployments")) + " records, each"
                + " service's releases carrying its declared API description; the first "
                + String.format(Locale.ROOT, "%,d", (long) num(setup, "recorded_api")) + " through"
                + " `CatalogService.recordDeployment` (" + setup.getProperty("recorded_api_seconds") + " s), the other "
                + String.format(Locale.ROOT, "%,d", (long) num(setup, "recorded_bulk")) + " with batched SQL writing"
                + " the same rows (as `bench/catalog.sh` does).");
        line("- Plans: " + plans.getProperty("plans") + ", created with `breakwater plan create --release SERVICE=NEXT_MAJOR"
                + " --spec SERVICE=FILE --scheduled`: the five most consumed bottom-layer services with an API, then"
                + " services with an API at random. Each candidate description is the production one with five breaking"
                + " edits (an operation removed, a response `id` turned integer, a request field made required, a query"
                + " parameter made required). Consumers reached per plan: mean " + plans.getProperty("consumers_mean")
                + ", max " + String.format(Locale.ROOT, "%,d", (long) num(plans, "consumers_max")) + ".");
        line("- Each run asks for the plans in turn (plan 1, 2, …, " + plans.getProperty("plans") + ", 1, …), so every"
                + " rate mixes small plans with the few very large ones. Mean response size is in the tables.");
        line("");
        line("<details><summary>The " + plans.getProperty("plans") + " plans</summary>");
        line("");
        line("| Plan | Ships | Breaking changes | Consumers reached | Consumer rows (per change, summed) | Teams | Verdict | First assessment, in process |");
        line("|---:|---|---:|---:|---:|---:|---|---:|");
        for (String id : plans.getProperty("plan_ids", "").split(",")) {
            if (id.isBlank()) {
                continue;
            }
            String k = "plan." + id + ".";
            line("| " + id + " | " + plans.getProperty(k + "releases") + " | " + plans.getProperty(k + "breaking") + " | "
                    + String.format(Locale.ROOT, "%,d", (long) num(plans, k + "consumers")) + " | "
                    + String.format(Locale.ROOT, "%,d", (long) num(plans, k + "consumer_rows")) + " | "
                    + plans.getProperty(k + "teams") + " | " + plans.getProperty(k + "verdict") + " | "
                    + plans.getProperty(k + "first_report_ms") + " ms |");
        }
        line("");
        line("</details>");
        line("");

        // per endpoint
        endpointTables(endpoints, "");
        if (postgres != null) {
            postgres.endpointTables(endpoints, " on PostgreSQL");
            line(postgres.md.toString().stripTrailing());
            line("");
        }
        line("Fixed rates: latency is measured from the moment each request was due, so when the server falls behind,"
                + " the wait of every request queued behind it counts (no coordinated omission); \"p99 from actual send\""
                + " leaves that wait out and shows the service time alone. Maximum: wrk keeps " + machine.getProperty("wrk_connections")
                + " requests in flight and sends the next one when an answer arrives, so its latencies are those of the"
                + " requests it managed to send, not of a schedule.");
        line("");

        jvmOptions(serverOpts);
        method();
        line(END);
        return md.toString();
    }

    /** Each endpoint's table: its maximum and its fixed rates ({@code title} follows the endpoint's name). */
    private void endpointTables(List<String> endpoints, String title) throws IOException {
        for (String e : endpoints) {
            line("### " + ENDPOINTS.getOrDefault(e, e) + title);
            line("");
            line("| Rate asked (req/s) | Achieved (req/s) | p50 ms | p90 ms | p99 ms | max ms | p99 ms from actual send |"
                    + " Errors | Mean response | Load avg (1 min) start → end |");
            line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            Wrk max = wrk(dir.resolve("max-" + e + ".txt"));
            Properties maxP = load(dir.resolve("max-" + e + ".properties"));
            if (max != null) {
                line("| maximum (wrk, closed loop, " + machine.getProperty("wrk_connections") + " connections, "
                        + machine.getProperty("max_seconds") + " s) | **" + fmt(max.rps()) + "** | " + fmt(max.percentiles()
                        .getOrDefault("50", Double.NaN)) + " | " + fmt(max.percentiles().getOrDefault("90", Double.NaN))
                        + " | " + fmt(max.percentiles().getOrDefault("99", Double.NaN)) + " | " + fmt(max.maxMs()) + " | — | "
                        + errors(max) + " | " + size(max.requests() == 0 ? Double.NaN : max.mbRead() * 1e6 / max.requests())
                        + " | " + first(maxP.getProperty("load_start")) + " → " + first(max.loadEnd()) + " |");
            }
            for (String r : rates(e)) {
                Properties p = rate(e, r);
                String share = maxP.getProperty("auto_" + r);
                line("| " + rateLabel(r) + (share == null ? "" : " (" + share + "% of max)")
                        + (num(p, "warmup_s") == 0 ? " (no warm-up)" : "") + " | " + fmt(num(p, "throughput"))
                        + " | " + latency(p, "p50") + " | " + latency(p, "p90") + " | " + latency(p, "p99") + " | "
                        + ("true".equals(p.getProperty("max_lower_bound")) ? "≥ " : "") + fmt(num(p, "max_ms")) + " | "
                        + fmt(num(p, "service_p99_ms")) + " | " + errors(p) + " | " + size(num(p, "bytes_per_response"))
                        + " | " + first(p.getProperty("load_start")) + " → " + first(p.getProperty("load_end")) + " |");
            }
            line("");
            String sizes = sizes(e);
            if (!sizes.isEmpty()) {
                line(sizes);
                line("");
            }
        }
    }

    /** The verdict's row for endpoint {@code e} on {@code store}; its line of the script's summary too. */
    private void verdictRow(String e, String store, StringBuilder summary) throws IOException {
        Properties t = targetRun(e);
            Wrk max = wrk(dir.resolve("max-" + e + ".txt"));
            String best = "none";
            for (String r : rates(e)) {
                if (meets(rate(e, r))) {
                    best = rateLabel(r) + " req/s";
                }
            }
            boolean met = meets(t);
            line("| " + ENDPOINTS.getOrDefault(e, e) + " | " + store + " | " + (t == null ? "not measured" : fmt(num(t, "throughput")) + " req/s")
                    + " | " + (t == null ? "—" : latency(t, "p99") + " ms") + " | " + (t == null ? "—"
                    : String.format(Locale.ROOT, "%,d of %,d", (long) num(t, "errors"), (long) num(t, "scheduled")))
                    + " | " + (max == null ? "—" : fmt(max.rps()) + " req/s") + " | " + cpuPerRequest(e, max) + " | " + best + " | "
                    + (t == null ? "not measured" : met ? "**met**" : "**MISSED**") + " |");
            summary.append(String.format(Locale.ROOT, "%s (%s): at %s req/s %s; max %s req/s%n", e, store, fmt(TARGET_RATE),
                    t == null ? "not measured" : met ? "met" : "MISSED (achieved " + fmt(num(t, "throughput"))
                            + " req/s, p99 " + latency(t, "p99") + " ms, " + (long) num(t, "errors") + " errors)",
                    max == null ? "?" : fmt(max.rps())));
    }

    /**
     * The server process's CPU time (user + system, all its threads: JIT and GC too) over the wrk
     * maximum-throughput run, per request answered: what a request costs whatever else the machine runs.
     */
    private String cpuPerRequest(String e, Wrk max) throws IOException {
        Properties p = load(dir.resolve("max-" + e + ".properties"));
        if (max == null || max.requests() == 0 || p.getProperty("cpu_ticks") == null) {
            return "—";
        }
        double ms = Double.parseDouble(p.getProperty("cpu_ticks")) * 1000 / Double.parseDouble(p.getProperty("clk_tck"))
                / max.requests();
        return fmt(ms) + " ms";
    }

    private String summaryText = "";

    String summary() {
        return summaryText;
    }

    /** One line on the answers to each path asked once, alone, before the warm-up. */
    private String sizes(String endpoint) throws IOException {
        Path f = dir.resolve("sizes-" + endpoint + ".txt");
        if (!Files.exists(f)) {
            return "";
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        String biggest = "";
        double sum = 0;
        int n = 0;
        List<String> status = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            String[] p = l.trim().split("\\s+");
            if (p.length < 4) {
                continue;
            }
            if (!p[1].startsWith("2")) {
                status.add(p[0] + " → " + p[1]);
            }
            double size = Double.parseDouble(p[2]);
            sum += size;
            n++;
            if (size < min) {
                min = size;
            }
            if (size > max) {
                max = size;
                biggest = p[0];
            }
            times.add(Double.parseDouble(p[3]) * 1000);
        }
        if (n == 0) {
            return "";
        }
        times.sort(Double::compare);
        return "Each path asked once, alone, before the warm-up (cold server): answers from " + size(min) + " to " + size(max)
                + " (`" + biggest + "`), mean " + size(sum / n) + "; time per request from " + fmt(times.get(0)) + " to "
                + fmt(times.get(times.size() - 1)) + " ms, median " + fmt(times.get(times.size() / 2)) + " ms"
                + (status.isEmpty() ? "." : "; not 2xx: " + String.join(", ", status) + ".");
    }

    private String idleWaits() throws IOException {
        Path f = dir.resolve("idle-waits.txt");
        if (!Files.exists(f)) {
            return "";
        }
        int total = 0;
        int max = 0;
        for (String l : Files.readAllLines(f)) {
            if (!l.isBlank()) {
                int w = Integer.parseInt(l.trim());
                total += w;
                max = Math.max(max, w);
            }
        }
        return " (waits in this run: " + total + " s in all, the longest " + max + " s" + (max >= 90 ? ", cut off" : "") + ")";
    }

    private static double parseFirst(String load) {
        try {
            return Double.parseDouble(first(load));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String first(String load) {
        return load == null ? "?" : load.trim().split("\\s+")[0];
    }

    private static String size(double bytes) {
        if (Double.isNaN(bytes)) {
            return "—";
        }
        return bytes >= 1e6 ? fmt(bytes / 1e6) + " MB" : bytes >= 1e3 ? fmt(bytes / 1e3) + " kB" : fmt(bytes) + " B";
    }

    private static String errors(Wrk w) {
        if (w.errors() == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        if (w.non2xx() > 0) {
            parts.add(w.non2xx() + " non-2xx");
        }
        if (w.socketErrors() > 0) {
            parts.add(w.socketErrors() + " socket");
        }
        if (w.timeouts() > 0) {
            parts.add(w.timeouts() + " timeouts");
        }
        return String.format(Locale.ROOT, "%,d (%s)", w.errors(), String.join(", ", parts));
    }

    private static String errors(Properties p) {
        long total = (long) num(p, "errors");
        if (total == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        for (String[] k : new String[][] {{"not_completed", "not completed"}, {"timeouts", "timeouts"},
                {"non2xx", "non-2xx"}, {"socket_errors", "socket"}}) {
            long v = (long) num(p, k[0]);
            if (v > 0) {
                parts.add(String.format(Locale.ROOT, "%,d %s", v, k[1]));
            }
        }
        return String.format(Locale.ROOT, "%,d of %,d (%s)", total, (long) num(p, "scheduled"), String.join(", ", parts));
    }

    /** Pauses in a -Xlog:gc file: count, full ones, total ms, longest ms, time of the last (s); null when absent. */
    static double[] gcStats(Path log) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        Pattern pause = Pattern.compile("^\\[([\\d.]+)s\\].*Pause (\\w+).* ([\\d.]+)ms$");
        double[] r = new double[5];
        for (String l : Files.readAllLines(log)) {
            Matcher m = pause.matcher(l.trim());
            if (m.find()) {
                r[0]++;
                if (m.group(2).equals("Full")) {
                    r[1]++;
                }
                double ms = Double.parseDouble(m.group(3));
                r[2] += ms;
                r[3] = Math.max(r[3], ms);
                r[4] = Double.parseDouble(m.group(1));
            }
        }
        return r;
    }

    /** GC pauses of the measured server, from its -Xlog:gc file. */
    private String gcSummary() throws IOException {
        double[] g = gcStats(dir.resolve("gc.log"));
        if (g == null) {
            return "";
        }
        return String.format(Locale.ROOT, "; GC (`-Xlog:gc`): %,d pauses (%d full) totalling %.1f s (%.0f%% of the %.0f s"
                + " to the last one), the longest %s ms", (long) g[0], (long) g[1], g[2] / 1000,
                g[4] == 0 ? 0 : g[2] / 10 / g[4], g[4], fmt(g[3]));
    }

    /** "5,000 services, 20,000 consumers and their 32,851 uses", from the generator's summary. */
    private String catalogSize() throws IOException {
        Path f = dir.resolve("generate.txt");
        String t = Files.exists(f) ? Files.readString(f) : "";
        Matcher m = Pattern.compile("([\\d,]+) services .*?([\\d,]+) consumers \\([\\d,]+ part of a service; ([\\d,]+) uses\\)")
                .matcher(t);
        return m.find() ? m.group(1) + " services, " + m.group(2) + " consumers and their " + m.group(3) + " uses"
                : "every service, consumer and use";
    }

    private double cores() {
        double n = num(machine, "nproc");
        return Double.isNaN(n) ? 1 : n;
    }

    private void diagnosis(Properties d, String catalogSize) {
        if (d.isEmpty()) {
            return;
        }
        line("### Where a request's time goes");
        line("");
        line("`LoadDiagnose`, in process, over the same store, plans in turn, "
                + machine.getProperty("diagnose_seconds", "3") + " s of warm-up and then timed calls per measure: the"
                + " work of `GET /api/v1/can-deploy?plan=ID` on one thread (`PlanService.canDeploy` and the route's JSON),"
                + " as `App` builds it and without kept reports (a `PlanService` built with no store change token, the"
                + " catalog's `load()` cached), then both endpoints through a server in the same JVM over one keep-alive"
                + " connection, charged with the CPU time and allocation of every thread but the client's (Jetty, the"
                + " pool, the log):");
        line("");
        line("| Measure | Calls | Mean ms | p50 ms | p99 ms | max ms | CPU ms per call | kB allocated per call |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String k : new String[] {"shipped", "cached", "export", "http_can_deploy", "http_plan_page"}) {
            if (d.getProperty(k + ".what") == null) {
                continue;
            }
            line("| " + d.getProperty(k + ".what") + " | " + whole(num(d, k + ".calls")) + " | " + fmt(num(d, k + ".mean_ms"))
                    + " | " + fmt(num(d, k + ".p50_ms")) + " | " + fmt(num(d, k + ".p99_ms")) + " | "
                    + fmt(num(d, k + ".max_ms")) + " | " + optional(d, k + ".cpu_ms") + " | " + optional(d, k + ".alloc_kb")
                    + " |");
        }
        line("");
        line("The wall times above include waits for the cores when others' work runs; the CPU and allocation columns"
                + " (`ThreadMXBean`) are what a call costs whatever else the machine runs. A kept report (decision 0029)"
                + " is reused while the store has taken no write and within the same second, so each plan is still"
                + " worked out afresh once a second: the means include those, and a single sequential client that"
                + " manages only tens of calls a second (a loaded machine) lands in a new second on most calls, so its"
                + " server-thread figures are close to those of an answer made afresh; the verdict's \"server CPU per"
                + " request\", taken at the maximum throughput, is the figure for a busy server.");
        line("");
    }

    private static String optional(Properties d, String key) {
        return d.getProperty(key) == null ? "—" : fmt(num(d, key));
    }

    private void jvmOptions(String serverOpts) throws IOException {
        List<Path> sets = new ArrayList<>();
        for (int i = 1; Files.exists(dir.resolve("jvm-" + i + ".properties")); i++) {
            sets.add(dir.resolve("jvm-" + i + ".properties"));
        }
        line("### Server JVM options");
        line("");
        if (sets.isEmpty()) {
            line("Not compared in this run (`LOAD_COMPARE_OPTS=0`). The server ran with `" + serverOpts + "`.");
            line("");
            return;
        }
        line("Each option set serves " + ENDPOINTS.get("can-deploy") + " to wrk (closed loop, "
                + machine.getProperty("wrk_connections") + " connections) for " + machine.getProperty("compare_seconds")
                + " s after as long a warm-up, a fresh server each time:");
        line("");
        line("| Options | Requests/s | p50 ms | p99 ms | max ms | Errors | GC pauses (share of the server's time) | Peak RSS | Load avg (1 min) start → end |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        double busiest = 0;
        for (Path f : sets) {
            Properties p = load(f);
            String name = f.getFileName().toString().replace(".properties", "");
            Wrk w = wrk(dir.resolve(name + ".txt"));
            String opts = p.getProperty("opts", "");
            double[] gc = gcStats(dir.resolve("gc-" + name + ".log"));
            String gcText = gc == null ? "—" : String.format(Locale.ROOT, "%,d (%d full), %.1f s (%.0f%%)", (long) gc[0],
                    (long) gc[1], gc[2] / 1000, gc[4] == 0 ? 0 : gc[2] / 10 / gc[4]);
            busiest = Math.max(busiest, Math.max(parseFirst(p.getProperty("load_start")), w == null ? 0 : parseFirst(w.loadEnd())));
            line("| " + p.getProperty("label") + ": `" + (opts.isBlank() ? "(none)" : opts) + "` | "
                    + (w == null ? "—" : fmt(w.rps())) + " | " + (w == null ? "—" : fmt(w.percentiles().getOrDefault("50", Double.NaN)))
                    + " | " + (w == null ? "—" : fmt(w.percentiles().getOrDefault("99", Double.NaN))) + " | "
                    + (w == null ? "—" : fmt(w.maxMs())) + " | " + (w == null ? "—" : errors(w)) + " | " + gcText + " | "
                    + p.getProperty("rss_mb", "?") + " MB | " + first(p.getProperty("load_start")) + " → "
                    + (w == null ? "?" : first(w.loadEnd())) + " |");
        }
        line("");
        String fastest = null;
        double best = -1;
        for (Path f : sets) {
            Properties p = load(f);
            Wrk w = wrk(dir.resolve(f.getFileName().toString().replace(".properties", ".txt")));
            if (w != null && w.rps() > best) {
                best = w.rps();
                fastest = p.getProperty("label");
            }
        }
        if (fastest != null) {
            line("Most requests per second in this run: " + fastest + " (" + fmt(best) + ")." + (busiest > 2.5
                    ? " The machine was busy during the comparison (1-minute load average up to " + fmt(busiest) + " on 2"
                    + " cores), and the sets ran one after the other, so other people's work moved these figures as much"
                    + " as the options did; the GC column depends less on it."
                    : " Differences of a few per cent are within the noise of this shared machine."));
            line("");
        }
        line("The launcher's options (`./breakwater`: C1 only, a 12 MB young generation) suit a command that runs"
                + " for a second; a server runs for days and wants C2's code and a heap with room for the requests in"
                + " flight: as long as every assessment reads the whole catalog, each request allocates and holds it while"
                + " it runs, and with a 1 GB heap a few concurrent requests push it into the old generation and into full"
                + " collections. Recommended for `breakwater serve` (and used for the tables above): `" + serverOpts
                + "` (C2, G1, a fixed heap touched at start so that no request pays for first touches of memory); pass"
                + " them with `BREAKWATER_JAVA_OPTS`, which replaces the launcher's options."
                + (best >= 0 && best < TARGET_RATE ? " No option set comes near " + fmt(TARGET_RATE) + " requests per"
                + " second: the cost is the work per request, not the JVM." : ""));
        line("");
    }

    private void method() throws IOException {
        line("### Method");
        line("");
        line("- One command: `bench/load.sh` (see `bench/README.md`). It builds Breakwater with the work tree's"
                + " `./breakwater` launcher and copies the jar, builds `bench/` with `-Dbw.jar`, generates the catalog"
                + " into `bench/work/load-gen/`, imports it, records the deployments, creates the plans with the CLI,"
                + " waits for a quiet machine, measures, and rewrites this section. Raw results: `bench/work/load-results/`.");
        line("- Server: `java OPTIONS -jar breakwater.jar serve --db jdbc:sqlite:FILE --bind 127.0.0.1 --port 0`, one"
                + " log line per request to a file; then, unless `LOAD_POSTGRES=0`, the same with `--db jdbc:postgresql://…` on an"
                + " embedded PostgreSQL (`LoadPostgres`) holding the same catalog, deployments and plans, set up the same way.");
        line("- Per endpoint: " + machine.getProperty("max_seconds") + " s of wrk as warm-up (JIT), then "
                + machine.getProperty("max_seconds") + " s of wrk for the maximum, then each fixed rate: "
                + machine.getProperty("warmup") + " s at that rate (not counted), then " + machine.getProperty("duration")
                + " s measured. Rates at 50% and 80% of the measured maximum are added when they fall below the lowest"
                + " asked rate, to show the latency of a server that keeps up. Once the server has fallen behind at a"
                + " rate (errors, or under 90% of the asked rate answered), the higher rates get no warm-up: the JIT is"
                + " warm, and a warm-up would only leave more abandoned requests behind. Before each run the script waits"
                + " until the server is idle (under 5% of a core for a second, at most 90 s): requests still open at the"
                + " end of an overloaded run keep it busy after the generator has gone" + idleWaits() + ".");
        line("- `LoadGen` (`bench/src/breakwater/java/org/breakwater/bench/load/LoadGen.java`): request i is due at"
                + " start + i / rate; " + machine.getProperty("connections") + " threads, each with a keep-alive HTTP/1.1"
                + " connection, take the next due request, wait for its time, send it and read the whole answer. Latency"
                + " = end of the answer − due time, every request recorded (microseconds); percentiles are nearest-rank"
                + " over all of them. A run schedules rate × duration requests; those not answered "
                + machine.getProperty("grace") + " s after the last one was due are errors and enter the percentiles with"
                + " their wait so far (≥). Achieved throughput = answers ÷ the time from the first due time to the end of the"
                + " schedule, or to the last answer when that came later.");
        line("- The JVM comparison and the in-process breakdown (`LoadDiagnose`) are described with their tables.");
        line("");
    }
}
