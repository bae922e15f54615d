package org.breakwater.bench.traffic;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Turns bench/traffic.sh's raw results into the traffic section of docs/benchmarks.md: replaces
 * what lies between {@link #BEGIN} and {@link #END}, or appends the section when the file has none.
 *
 * <pre>TrafficReport RESULTS_DIR DOC.md</pre>
 */
public final class TrafficReport {
    public static final String BEGIN = "<!-- traffic-benchmark:begin -->";
    public static final String END = "<!-- traffic-benchmark:end -->";
    static final double TARGET_VS_GOACCESS = 20;
    static final double TARGET_VS_WC = 0.10;
    /** Memory counts as flat when the largest file's peak RSS is at most this times the smallest's. */
    static final double FLAT = 1.25;
    static final String[] TOOLS = {"wc", "goaccess", "breakwater-2cores", "breakwater-1core"};

    /** One timed run, a line of runs.tsv. */
    record Run(String phase, String tool, long bytes, long lines, int run, double wall, double user, double sys,
               long rssKb, int exit, String load) {
    }

    /** The runs of one tool on one file: medians. */
    record Figures(String tool, long bytes, long lines, List<Run> runs, int failed) {
        double wall() {
            return median(runs.stream().map(Run::wall).toList());
        }

        double mbPerSecond() {
            return bytes / 1e6 / wall();
        }

        double linesPerSecond() {
            return lines / wall();
        }

        double cpu() {
            return median(runs.stream().map(r -> r.user() + r.sys()).toList());
        }

        double rssMb() {
            return median(runs.stream().map(r -> r.rssKb() / 1024.0).toList());
        }
    }

    private final Path dir;
    private final Properties machine;
    private final Properties generated;
    private final List<Run> all = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();

    private TrafficReport(Path dir) throws IOException {
        this.dir = dir;
        this.machine = load(dir.resolve("machine.properties"));
        this.generated = load(dir.resolve("generated.properties"));
        List<String> lines = Files.readAllLines(dir.resolve("runs.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            all.add(new Run(f[0], f[1], Long.parseLong(f[2]), f[3].isEmpty() ? 0 : Long.parseLong(f[3]),
                    Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    Long.parseLong(f[8]), Integer.parseInt(f[9]), f[10]));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TrafficReport RESULTS_DIR DOC.md");
            System.exit(2);
        }
        TrafficReport r = new TrafficReport(Path.of(args[0]));
        String section = r.render();
        Path doc = Path.of(args[1]);
        String old = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        Files.writeString(doc, splice(old, section), StandardCharsets.UTF_8);
        System.out.print(r.summary);
    }

    /** {@code doc} with its traffic section replaced by {@code section} (markers included), or with it appended. */
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

    private final StringBuilder summary = new StringBuilder();

    /** The figures of {@code tool} on the file of {@code bytes} bytes, from every phase; empty when none succeeded. */
    Optional<Figures> figures(String tool, long bytes) {
        List<Run> runs = all.stream().filter(r -> r.tool().equals(tool) && r.bytes() == bytes).toList();
        List<Run> ok = runs.stream().filter(r -> r.exit() == 0).toList();
        if (ok.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Figures(tool, bytes, ok.get(0).lines(), ok, runs.size() - ok.size()));
    }

    String render() {
        long repeat = Long.parseLong(machine.getProperty("repeat_size"));
        long size = Long.parseLong(generated.getProperty("bytes", machine.getProperty("size")));
        long mainBytes = all.stream().filter(r -> r.phase().equals("main")).mapToLong(Run::bytes).findFirst().orElse(repeat);
        md.append(BEGIN).append('\n');
        md.append("## Access-log throughput: `breakwater traffic ingest` vs GoAccess and `wc -l`\n\n");
        md.append("_Generated by `bench/traffic.sh` on ").append(machine.getProperty("date"))
                .append(". Do not edit by hand: rerun the script (this section only; `bench/run.sh` keeps it)._\n\n");
        md.append("The issue's test: a generated ").append(mb(size)).append(" combined-format access log against a ")
                .append(String.format(Locale.ROOT, "%,d", Long.parseLong(generated.getProperty("operations", "0"))))
                .append("-operation API, read by `breakwater traffic ingest`")
                .append(" with two cores and with one, side by side with GoAccess producing its HTML report on the same")
                .append(" file, and `wc -l` as the floor. **Targets: at least 20× GoAccess's throughput on one core and at least")
                .append(" 10% of `wc -l`'s on the same file, memory flat as the file grows.** MB = 10^6 bytes.\n\n");
        machineTable();
        String mainNote = mainBytes == size ? "the whole log" : "the first " + mb(mainBytes) + " of the log";
        verdict(mainBytes, mainNote);
        throughput(mainBytes, mainNote);
        growth();
        theLog();
        method(mainBytes, size);
        md.append(END).append('\n');
        return md.toString();
    }

    private void machineTable() {
        md.append("| | |\n|---|---|\n");
        md.append("| CPU | ").append(machine.getProperty("nproc")).append(" cores (`nproc`), ")
                .append(machine.getProperty("cpu", "?")).append(" |\n");
        md.append("| Memory | ").append(machine.getProperty("memory")).append(" |\n");
        md.append("| OS | ").append(machine.getProperty("kernel")).append(" |\n");
        md.append("| Java | `").append(machine.getProperty("java", "").trim()).append("` |\n");
        md.append("| Breakwater | `").append(machine.getProperty("breakwater_commit")).append('`');
        if (!"0".equals(machine.getProperty("breakwater_dirty", "0"))) {
            md.append(" plus ").append(machine.getProperty("breakwater_dirty")).append(" uncommitted file(s) under src/");
        }
        String source = machine.getProperty("breakwater_source", "");
        if (!source.isEmpty() && !source.equals(machine.getProperty("breakwater_commit"))) {
            md.append(" (the last commit that changed Breakwater's code: `").append(source).append("`)");
        }
        md.append(", run through its `./breakwater` launcher: `java ").append(machine.getProperty("launcher_flags"))
                .append(" -jar target/breakwater.jar traffic ingest …` |\n");
        md.append("| GoAccess | ").append(machine.getProperty("goaccess")).append(" (Debian package ")
                .append(machine.getProperty("goaccess_package")).append(") |\n");
        md.append("| wc | ").append(machine.getProperty("wc")).append(" |\n");
        StringBuilder loads = new StringBuilder("start ").append(machine.getProperty("load_start"));
        for (String t : TOOLS) {
            String l = machine.getProperty("load_before_" + t);
            if (l != null) {
                loads.append("; before ").append(label(t)).append(' ').append(l);
            }
        }
        loads.append("; end ").append(machine.getProperty("load_end", "?"));
        md.append("| Load average (1, 5, 15 min) | ").append(loads).append(" |\n");
        long elapsed = Long.parseLong(machine.getProperty("elapsed_seconds", "0"));
        md.append("| Whole run of `bench/traffic.sh` | ").append(elapsed / 60).append(" min ").append(elapsed % 60)
                .append(" s, ").append(machine.getProperty("waited_seconds", "0"))
                .append(" s of it waiting for a quiet machine |\n\n");
        double max = all.stream().mapToDouble(r -> Double.parseDouble(r.load().split(" ")[0])).max().orElse(0);
        md.append("The machine is shared and its cores are not isolated. ");
        if (!"0".equals(machine.getProperty("wait_limit", "0"))) {
            md.append("The script first waited up to ").append(machine.getProperty("wait_limit"))
                    .append(" s for the 1-minute load average to fall below ").append(machine.getProperty("wait_threshold"))
                    .append("; it waited ").append(machine.getProperty("waited_seconds")).append(" s")
                    .append("yes".equals(machine.getProperty("quiet_reached")) ? ". " : " and measured anyway, busy. ");
        }
        md.append(String.format(Locale.ROOT, "The highest 1-minute load average seen at the end of a run was %.2f", max));
        md.append(max > 1.5 ? ": other work competed for the two cores, so the slower figures are somewhat inflated"
                + " (the load average after each run is in `bench/work/results/traffic/runs.tsv`).\n\n" : ".\n\n");
    }

    private void verdict(long mainBytes, String mainNote) {
        Optional<Figures> wc = figures("wc", mainBytes);
        Optional<Figures> ga = figures("goaccess", mainBytes);
        md.append("### Verdict\n\n");
        md.append("On ").append(mainNote).append(" (medians of the runs below):\n\n");
        md.append("| Target | Breakwater, two cores | Breakwater, one core | Met? |\n|---|---:|---:|---|\n");
        Optional<Figures> two = figures("breakwater-2cores", mainBytes);
        Optional<Figures> one = figures("breakwater-1core", mainBytes);
        if (ga.isPresent()) {
            double g = ga.get().mbPerSecond();
            row("At least 20× GoAccess's throughput on one core (GoAccess: " + num(g) + " MB/s)",
                    two.map(f -> f.mbPerSecond() / g), one.map(f -> f.mbPerSecond() / g), TARGET_VS_GOACCESS, "×", true);
        }
        if (wc.isPresent()) {
            double w = wc.get().mbPerSecond();
            row("At least 10% of `wc -l`'s throughput (`wc -l`: " + num(w) + " MB/s)",
                    two.map(f -> f.mbPerSecond() / w), one.map(f -> f.mbPerSecond() / w), TARGET_VS_WC, "%", false);
        }
        TreeSet<Long> sizes = new TreeSet<>();
        all.stream().filter(r -> r.tool().equals("breakwater-2cores")).forEach(r -> sizes.add(r.bytes()));
        if (sizes.size() >= 2) {
            Optional<Figures> small = figures("breakwater-2cores", sizes.first());
            Optional<Figures> large = figures("breakwater-2cores", sizes.last());
            if (small.isPresent() && large.isPresent()) {
                double ratio = large.get().rssMb() / small.get().rssMb();
                boolean met = ratio <= FLAT;
                md.append("| Memory flat as the file grows (peak RSS at ").append(mb(sizes.last())).append(" at most ")
                        .append(num(FLAT)).append("× that at ").append(mb(sizes.first())).append(") | ")
                        .append(String.format(Locale.ROOT, "%,.0f → %,.0f MB (%s×)", small.get().rssMb(),
                                large.get().rssMb(), num(ratio))).append(" | | **").append(met ? "met" : "MISSED")
                        .append("** |\n");
                summary.append(String.format(Locale.ROOT, "memory: %,.0f MB at %s, %,.0f MB at %s: %s%n",
                        small.get().rssMb(), mb(sizes.first()), large.get().rssMb(), mb(sizes.last()), met ? "met" : "MISSED"));
            }
        }
        md.append('\n');
        long whole = sizes.isEmpty() ? mainBytes : sizes.last();
        Optional<Figures> bw = figures("breakwater-2cores", whole);
        Optional<Figures> gaWhole = figures("goaccess", whole);
        Optional<Figures> wcWhole = figures("wc", whole);
        if (whole != mainBytes && bw.isPresent() && gaWhole.isPresent() && wcWhole.isPresent()) {
            double b = bw.get().mbPerSecond();
            md.append("On the whole ").append(mb(whole)).append(" log (one run per tool, two cores for Breakwater): ")
                    .append(num(b)).append(" MB/s, ").append(ratio(b / gaWhole.get().mbPerSecond(), "×"))
                    .append(" GoAccess's ").append(num(gaWhole.get().mbPerSecond())).append(" MB/s and ")
                    .append(ratio(b / wcWhole.get().mbPerSecond(), "%")).append(" of `wc -l`'s ")
                    .append(num(wcWhole.get().mbPerSecond())).append(" MB/s.\n\n");
        }
    }

    /** A target's row; with {@code onOneCore} only the one-core run decides (issue 19: 20× GoAccess on one core). */
    private void row(String target, Optional<Double> two, Optional<Double> one, double goal, String unit,
                     boolean onOneCore) {
        boolean met = two.isPresent() && two.get() >= goal;
        boolean metOne = one.isPresent() && one.get() >= goal;
        String verdict = onOneCore ? (metOne ? "**met** (one core)" : "**MISSED** (one core)")
                : met && metOne ? "**met**" : met ? "**met** with two cores, **MISSED** with one" : "**MISSED**";
        md.append("| ").append(target).append(" | ").append(two.map(v -> ratio(v, unit)).orElse("failed")).append(" | ")
                .append(one.map(v -> ratio(v, unit)).orElse("failed")).append(" | ").append(verdict).append(" |\n");
        summary.append(target).append(": ").append(two.map(v -> ratio(v, unit)).orElse("failed")).append(" (two cores), ")
                .append(one.map(v -> ratio(v, unit)).orElse("failed")).append(" (one core): ")
                .append(verdict.replace("*", "")).append('\n');
    }

    private void throughput(long mainBytes, String mainNote) {
        Optional<Figures> wc = figures("wc", mainBytes);
        Optional<Figures> ga = figures("goaccess", mainBytes);
        md.append("### Throughput\n\n");
        md.append("Every tool on ").append(mainNote).append(" (").append(mb(mainBytes)).append(", ")
                .append(String.format(Locale.ROOT, "%,d", figures("wc", mainBytes).map(Figures::lines).orElse(0L)))
                .append(" lines), read from the page cache (the file is read once with `cat` before each tool's runs),")
                .append(" each run a whole process from start to exit:\n\n");
        md.append("| Tool | Runs | Median time | Min–max | MB/s | Lines/s | CPU time (user + sys) | Peak RSS | vs GoAccess | vs `wc -l` |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String t : TOOLS) {
            List<Run> runs = all.stream().filter(r -> r.phase().equals("main") && r.tool().equals(t)).toList();
            Optional<Figures> f = figures(t, mainBytes).map(x -> new Figures(x.tool(), x.bytes(), x.lines(),
                    x.runs().stream().filter(r -> r.phase().equals("main")).toList(), x.failed()));
            if (runs.isEmpty()) {
                continue;
            }
            if (f.isEmpty() || f.get().runs().isEmpty()) {
                md.append("| ").append(label(t)).append(" | ").append(runs.size()).append(" | failed (exit ")
                        .append(runs.get(0).exit()).append(") | | | | | | | |\n");
                continue;
            }
            Figures x = f.get();
            double min = x.runs().stream().mapToDouble(Run::wall).min().orElse(0);
            double max = x.runs().stream().mapToDouble(Run::wall).max().orElse(0);
            md.append("| ").append(label(t)).append(" | ").append(x.runs().size())
                    .append(x.failed() > 0 ? " (" + x.failed() + " failed)" : "").append(" | **").append(seconds(x.wall()))
                    .append("** | ").append(seconds(min)).append("–").append(seconds(max)).append(" | **")
                    .append(num(x.mbPerSecond())).append("** | ").append(String.format(Locale.ROOT, "%,.0f", x.linesPerSecond()))
                    .append(" | ").append(seconds(x.cpu())).append(" | ").append(String.format(Locale.ROOT, "%,.0f MB", x.rssMb()))
                    .append(" | ").append(ga.map(g -> ratio(x.mbPerSecond() / g.mbPerSecond(), "×")).orElse("–"))
                    .append(" | ").append(wc.map(w -> ratio(x.mbPerSecond() / w.mbPerSecond(), "%")).orElse("–")).append(" |\n");
            summary.append(String.format(Locale.ROOT, "%s: %s s, %s MB/s, %,.0f lines/s, %,.0f MB%n", label(t),
                    seconds(x.wall()), num(x.mbPerSecond()), x.linesPerSecond(), x.rssMb()));
        }
        md.append('\n');
    }

    private void growth() {
        TreeSet<Long> sizes = new TreeSet<>();
        all.forEach(r -> sizes.add(r.bytes()));
        if (sizes.size() < 2) {
            return;
        }
        md.append("### As the file grows\n\n");
        md.append("Prefixes of the same log (the generator is a seeded stream: a smaller size gives a prefix of the")
                .append(" larger log, checked with `cmp`). One run per tool and size, except on the file above, where")
                .append(" the figures are the medians of its runs. Breakwater with two cores.\n\n");
        md.append("| Size | Lines | `wc -l` | GoAccess | GoAccess peak RSS | Breakwater | Breakwater peak RSS |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (long b : sizes) {
            Optional<Figures> wc = figures("wc", b);
            Optional<Figures> ga = figures("goaccess", b);
            Optional<Figures> bw = figures("breakwater-2cores", b);
            long lines = all.stream().filter(r -> r.bytes() == b).mapToLong(Run::lines).max().orElse(0);
            md.append("| ").append(mb(b)).append(" | ").append(String.format(Locale.ROOT, "%,d", lines)).append(" | ")
                    .append(wc.map(TrafficReport::timeAndRate).orElse("–")).append(" | ")
                    .append(ga.map(TrafficReport::timeAndRate).orElse("–")).append(" | ")
                    .append(ga.map(f -> String.format(Locale.ROOT, "%,.0f MB", f.rssMb())).orElse("–")).append(" | ")
                    .append(bw.map(TrafficReport::timeAndRate).orElse("–")).append(" | ")
                    .append(bw.map(f -> String.format(Locale.ROOT, "%,.0f MB", f.rssMb())).orElse("–")).append(" |\n");
            summary.append(String.format(Locale.ROOT, "%s: goaccess %s, breakwater %s%n", mb(b),
                    ga.map(f -> timeAndRate(f) + String.format(Locale.ROOT, ", %,.0f MB", f.rssMb())).orElse("-"),
                    bw.map(f -> timeAndRate(f) + String.format(Locale.ROOT, ", %,.0f MB", f.rssMb())).orElse("-")));
        }
        md.append('\n');
        StringBuilder growth = new StringBuilder();
        for (String t : new String[] {"goaccess", "breakwater-2cores"}) {
            Optional<Figures> small = figures(t, sizes.first());
            Optional<Figures> large = figures(t, sizes.last());
            if (small.isPresent() && large.isPresent()) {
                growth.append(growth.length() == 0 ? "" : ", ").append(num(large.get().rssMb() / small.get().rssMb()))
                        .append("× for ").append(label(t));
            }
        }
        if (growth.length() > 0) {
            md.append("From ").append(mb(sizes.first())).append(" to ").append(mb(sizes.last()))
                    .append(" (").append(num((double) sizes.last() / sizes.first())).append("× the bytes) peak RSS grows ")
                    .append(growth).append(".\n\n");
        }
    }

    private void theLog() {
        long lines = Long.parseLong(generated.getProperty("lines", "0"));
        long bytes = Long.parseLong(generated.getProperty("bytes", "0"));
        md.append("### The log\n\n");
        if ("realistic".equals(generated.getProperty("shape"))) {
            realisticLog(bytes, lines);
            return;
        }
        md.append("`GenerateTraffic` (seed ").append(generated.getProperty("seed")).append(") writes ")
                .append(String.format(Locale.ROOT, "%,d bytes in %,d lines (%.0f bytes a line on average)", bytes, lines,
                        (double) bytes / Math.max(1, lines)))
                .append(", from ").append(generated.getProperty("first_time")).append(" to ")
                .append(generated.getProperty("last_time")).append(", in ").append(generated.getProperty("generate_seconds"))
                .append(" s. ").append(String.format(Locale.ROOT, "%,d lines (%.1f%%) call one of the %,d operations of",
                        Long.parseLong(generated.getProperty("api_lines")), pct(generated, "api_lines", lines),
                        Long.parseLong(generated.getProperty("operations"))))
                .append(" the API under `/api`, with concrete ids in its path templates (numbers, UUIDs, slugs) and")
                .append(" sometimes a query string; ")
                .append(String.format(Locale.ROOT, "%,d (%.1f%%) call other paths",
                        Long.parseLong(generated.getProperty("unmatched_lines")), pct(generated, "unmatched_lines", lines)))
                .append(" (static files, health checks, scanners, CORS preflights, wrong API paths); ")
                .append(generated.getProperty("malformed_lines")).append(" are malformed (empty, cut short, a TLS")
                .append(" handshake on the HTTP port, a request line of `-`). About ")
                .append(generated.getProperty("addresses")).append(" client addresses, IPv4 and some IPv6, each with one")
                .append(" user agent and its own few operations. The catalog has the service and ")
                .append(generated.getProperty("consumers")).append(" consumers, each with one identify rule (a user-agent")
                .append(" regular expression, an address block, or the log's user field); they make ")
                .append(String.format(Locale.ROOT, "%.0f%%", pct(generated, "known_lines", lines)))
                .append(" of the calls. The description (version ").append(generated.getProperty("version"))
                .append(") is recorded as deployed in production at ").append(generated.getProperty("deployed_at"))
                .append(", before the first line, so every request is matched against it.\n\n");
        ingestOutput().ifPresent(o -> md.append("What Breakwater reported on the whole log (or the largest file it read):\n\n```\n")
                .append(o.strip()).append("\n```\n\n"));
    }

    /** The realistic shape (issue 19's measure from outside), described from what the generator wrote. */
    private void realisticLog(long bytes, long lines) {
        md.append("`GenerateTraffic --shape realistic` (the default; seed ").append(generated.getProperty("seed"))
                .append(") writes ").append(String.format(Locale.ROOT, "%,d bytes in %,d lines (%.0f bytes a line on"
                        + " average)", bytes, lines, (double) bytes / Math.max(1, lines)))
                .append(", from ").append(generated.getProperty("first_time")).append(" to ")
                .append(generated.getProperty("last_time")).append(", shaped as issue 19 measured a production log: ")
                .append(String.format(Locale.ROOT, "every request by one of %,d callers (%s addresses × %s user agents),",
                        Long.parseLong(generated.getProperty("callers", "0")), generated.getProperty("addresses"),
                        String.valueOf(Long.parseLong(generated.getProperty("callers", "0"))
                                / Math.max(1, Long.parseLong(generated.getProperty("addresses", "1"))))))
                .append(" none of which the catalog's ").append(generated.getProperty("consumers"))
                .append(" consumers' rules recognise; ")
                .append(String.format(Locale.ROOT, "%,d lines (%.1f%%) call one of the %,d operations on %s resources",
                        Long.parseLong(generated.getProperty("api_lines")), pct(generated, "api_lines", lines),
                        Long.parseLong(generated.getProperty("operations")), generated.getProperty("resources")))
                .append(" (list, get, replace, delete) with ids drawn from 1..").append(generated.getProperty("max_id"))
                .append(String.format(Locale.ROOT, ", %.0f%% of them with a query string; ",
                        100.0 * Long.parseLong(generated.getProperty("query_lines", "0"))
                                / Math.max(1, Long.parseLong(generated.getProperty("api_lines")))))
                .append(String.format(Locale.ROOT, "%,d (%.1f%%) call other paths",
                        Long.parseLong(generated.getProperty("unmatched_lines")), pct(generated, "unmatched_lines", lines)))
                .append(" (static files, wrong API paths, scanners' probes) by the same callers; ")
                .append(generated.getProperty("malformed_lines")).append(" are malformed. Addresses and agents are")
                .append(" skewed (the k-th weighted 1/(k+1)); each address calls its own 20 to 100 resources, with any")
                .append(" of its agents, so distinct caller × operation pairs run to the hundreds of thousands. The")
                .append(" description (version ").append(generated.getProperty("version"))
                .append(") is recorded as deployed in production at ").append(generated.getProperty("deployed_at"))
                .append(", before the first line. `GenerateTraffic --shape consumers` (`TRAFFIC_SHAPE=consumers`)")
                .append(" writes the log of the first benchmarks (24 identified consumers) instead.\n\n");
        ingestOutput().ifPresent(o -> md.append("What Breakwater reported on the whole log (or the largest file it read):\n\n```\n")
                .append(o.strip()).append("\n```\n\n"));
    }

    /** Breakwater's own summary from its run on the largest file. */
    private Optional<String> ingestOutput() {
        Optional<Run> r = all.stream().filter(x -> x.tool().startsWith("breakwater") && x.exit() == 0)
                .max(Comparator.comparingLong(Run::bytes));
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Path out = dir.resolve("out-" + r.get().tool() + "-" + r.get().bytes() + "-" + r.get().phase() + "-"
                + r.get().run() + ".txt");
        try {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            return Optional.of(text.replaceAll("\\S*/access\\.log", "access.log"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void method(long mainBytes, long size) {
        md.append("### Method\n\n");
        md.append("- Each tool's runs follow each other: `wc -l FILE`; `goaccess FILE --log-format=COMBINED")
                .append(" --no-global-config --no-progress --no-parsing-spinner -o report.html` (its full HTML report,")
                .append(" not real time); `breakwater traffic ingest --service ").append(generated.getProperty("service"))
                .append(" --env production --quiet --data-dir STORE FILE` through the launcher, with both cores and under")
                .append(" `taskset -c 0` (one core). Before every Breakwater run the set-up store (catalog imported,")
                .append(" the deployment recorded) is copied afresh, untimed, so each run starts from the same state and")
                .append(" ends by writing its counts.\n");
        md.append("- Time: wall clock from start to exit (`date +%s%N`), median of ").append(machine.getProperty("runs"))
                .append(" runs per tool on the main file; CPU time and peak RSS from GNU `time` (`%U %S %M`).")
                .append(" Throughput = bytes ÷ 10^6 ÷ median seconds; lines/s likewise with `wc -l`'s count.")
                .append(" Ratios are of throughputs on the same file.\n");
        if (mainBytes != size) {
            md.append("- The repeated runs use the first ").append(mb(mainBytes)).append(" of the ").append(mb(size))
                    .append(" log (`TRAFFIC_REPEAT_SIZE`), to keep the whole script within reach of a working session")
                    .append(" at the throughputs measured; the whole log was read once per tool (the verdict's last line and the growth table).\n");
        }
        md.append("- GoAccess 1.7 parses on one thread; `wc -l` too. Neither is pinned. Raw results (`runs.tsv`, each")
                .append(" run's output) are in `bench/work/results/traffic/` (git-ignored), the log in `bench/work/traffic/`.\n\n");
    }

    private static String timeAndRate(Figures f) {
        return seconds(f.wall()) + " s, " + num(f.mbPerSecond()) + " MB/s";
    }

    private static String label(String tool) {
        return switch (tool) {
            case "wc" -> "`wc -l`";
            case "goaccess" -> "GoAccess";
            case "breakwater-2cores" -> "Breakwater, two cores";
            case "breakwater-1core" -> "Breakwater, one core (`taskset -c 0`)";
            default -> tool;
        };
    }

    private static String ratio(double v, String unit) {
        return unit.equals("%") ? String.format(Locale.ROOT, "%.1f%%", v * 100) : num(v) + "×";
    }

    private static String mb(long bytes) {
        return bytes >= 1_000_000_000L ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9).replace(".00 GB", " GB")
                : String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    private static String seconds(double s) {
        return s >= 100 ? String.format(Locale.ROOT, "%.0f", s) : s >= 10 ? String.format(Locale.ROOT, "%.1f", s)
                : String.format(Locale.ROOT, "%.2f", s);
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double pct(Properties p, String key, long of) {
        return 100.0 * Long.parseLong(p.getProperty(key, "0")) / Math.max(1, of);
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
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
}
