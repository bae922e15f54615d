package org.breakwater.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Turns the raw results that bench/run.sh leaves in bench/work/results into docs/benchmarks.md.
 *
 * <pre>WriteReport RESULTS_DIR OUTPUT.md</pre>
 */
public final class WriteReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Pairs of the size-growth table, in order of size. */
  private static final List<String> GROWTH = List.of("twilio", "gen-5mb", "gen-10mb", "gen-20mb");
  private static final String HEADLINE_SMALL = "twilio";
  private static final String HEADLINE_LARGE = "gen-20mb";

  private final Path dir;
  private final Properties machine = new Properties();
  private final List<Pair> pairs = new ArrayList<>();
  private final StringBuilder md = new StringBuilder();
  private final List<String> oddities = new ArrayList<>();
  private final boolean bw;

  record Pair(String name, String oldPath, String newPath, String label, long oldBytes, long newBytes) {
    double mb() {
      return (oldBytes + newBytes) / 2.0 / 1e6;
    }
  }

  /** Whole-process figures of one command on one pair (hyperfine + /usr/bin/time). */
  record Whole(double medianMs, double meanMs, double sdMs, double minMs, double maxMs, int runs,
      List<Integer> exitCodes, double rssMedianMb, double rssMaxMb, int checkExit) {}

  /** In-process figures of one benchmark on one pair (JMH single-shot). */
  record InProc(double medianMs, double minMs, double maxMs, double p25Ms, double p75Ms, int n,
      int warmups, int forks, double allocMbPerOp) {}

  private WriteReport(Path dir) throws IOException {
    this.dir = dir;
    try (var r = Files.newBufferedReader(dir.resolve("machine.properties"))) {
      machine.load(r);
    }
    for (String line : Files.readAllLines(dir.resolve("pairs.tsv"))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      pairs.add(new Pair(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5])));
    }
    bw = "yes".equals(machine.getProperty("breakwater_measured"));
  }

  public static void main(String[] args) throws IOException {
    WriteReport w = new WriteReport(Path.of(args[0]));
    String text = w.render();
    Path out = Path.of(args[1]);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    if (Files.exists(out)) {
      text = keepOtherSections(Files.readString(out, StandardCharsets.UTF_8), text);
    }
    Files.writeString(out, text, StandardCharsets.UTF_8);
    System.out.print(w.summaryForConsole());
  }

  /** The sections other scripts write into the same file (catalog.sh, load.sh); this report keeps them. */
  static final String[] OTHER_SECTIONS = {"catalog-benchmark", "load-benchmark", "traffic-benchmark", "yaml-benchmark",
    "junit-benchmark", "startup-benchmark", "detect-benchmark",
    "replay-benchmark"};

  /** The new report with every other script's section of the old file kept. */
  static String keepOtherSections(String oldText, String newText) {
    String text = newText;
    for (String name : OTHER_SECTIONS) {
      text = keepSection(oldText, text, "<!-- " + name + ":begin -->", "<!-- " + name + ":end -->");
    }
    return text;
  }

  /**
   * The new report with the old file's section from {@code open} to {@code close} kept: in place
   * of the new report's own section if it has one, else at the end.
   */
  static String keepSection(String oldText, String newText, String open, String close) {
    int begin = oldText.indexOf(open);
    int end = oldText.indexOf(close, Math.max(begin, 0));
    if (begin < 0 || end < 0) {
      return newText;
    }
    String section = oldText.substring(begin, end + close.length()) + "\n";
    int newBegin = newText.indexOf(open);
    int newEnd = newText.indexOf(close, Math.max(newBegin, 0));
    if (newBegin >= 0 && newEnd >= 0) {
      int after = newEnd + close.length();
      if (after < newText.length() && newText.charAt(after) == '\n') {
        after++;
      }
      return newText.substring(0, newBegin) + section + newText.substring(after);
    }
    String base = newText.endsWith("\n\n") ? newText : newText.endsWith("\n") ? newText + "\n" : newText + "\n\n";
    return base + section;
  }

  // ---------------------------------------------------------------------------------- loading

  private final Map<String, Whole> wholeCache = new TreeMap<>();

  private Whole whole(String id) {
    if (!wholeCache.containsKey(id)) {
      wholeCache.put(id, loadWhole(id));
    }
    return wholeCache.get(id);
  }

  /** Gathers one command's timed runs from every round file (bench/work/results/rounds/*.json). */
  private Whole loadWhole(String id) {
    List<Double> times = new ArrayList<>();
    List<Integer> exits = new ArrayList<>();
    Path rounds = dir.resolve("rounds");
    if (!Files.isDirectory(rounds)) {
      return null;
    }
    try (var files = Files.list(rounds)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode r : JSON.readTree(f.toFile()).path("results")) {
          if (r.path("command").asText().equals(id + "@run")) {
            r.path("times").forEach(t -> times.add(t.asDouble() * 1000));
            r.path("exit_codes").forEach(e -> exits.add(e.asInt()));
          }
        }
      }
      if (times.isEmpty()) {
        return null;
      }
      double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double mean = Arrays.stream(t).average().orElse(Double.NaN);
      double sd = t.length < 2 ? 0 : Math.sqrt(Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / (t.length - 1));
      Path rssFile = dir.resolve("rss-" + id + "-run.txt");
      double[] rss = !Files.exists(rssFile) ? new double[0] : Files.readAllLines(rssFile).stream()
          .map(String::trim).filter(x -> x.matches("\\d+")).mapToDouble(x -> Double.parseDouble(x) / 1024.0)
          .sorted().toArray();
      int checkExit = -1;
      Path check = dir.resolve("check-" + id + ".time");
      if (Files.exists(check)) {
        String[] last = lastLine(check).trim().split("\\s+");
        checkExit = Integer.parseInt(last[last.length - 1]);
      }
      return new Whole(median(t), mean, sd, t[0], t[t.length - 1], t.length, exits,
          rss.length == 0 ? Double.NaN : median(rss), rss.length == 0 ? Double.NaN : rss[rss.length - 1], checkExit);
    } catch (IOException | RuntimeException e) {
      oddities.add("could not read the whole-process results of " + id + ": " + e);
      return null;
    }
  }

  /** Merges the measured iterations of every JMH fork (jmh-TOOL-PAIR-fN.json). */
  private InProc inProc(String tool, String pair) {
    List<Double> raw = new ArrayList<>();
    List<Double> allocs = new ArrayList<>();
    int warmups = 0;
    int forks = 0;
    for (int f = 1; f <= 16; f++) {
      Path file = dir.resolve("jmh-" + tool + "-" + pair + "-f" + f + ".json");
      if (!Files.exists(file)) {
        continue;
      }
      try {
        JsonNode root = JSON.readTree(file.toFile());
        if (root.size() == 0) {
          continue;
        }
        JsonNode b = root.path(0);
        JsonNode pm = b.path("primaryMetric");
        if (pm.has("rawDataHistogram")) {
          // sample mode: [fork][iteration][[value, count], ...]
          pm.path("rawDataHistogram").forEach(fork -> fork.forEach(iteration -> iteration.forEach(vc -> {
            for (int k = 0; k < vc.path(1).asInt(); k++) {
              raw.add(vc.path(0).asDouble());
            }
          })));
        } else {
          pm.path("rawData").forEach(fork -> fork.forEach(v -> raw.add(v.asDouble())));
        }
        double alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
        if (!Double.isNaN(alloc)) {
          allocs.add(alloc / 1e6);
        }
        warmups = b.path("warmupIterations").asInt();
        forks++;
      } catch (IOException | RuntimeException e) {
        oddities.add("could not read " + file.getFileName() + ": " + e);
      }
    }
    if (raw.isEmpty()) {
      return null;
    }
    double[] s = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double alloc = allocs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new InProc(median(s), s[0], s[s.length - 1], percentile(s, 25), percentile(s, 75), s.length, warmups, forks, alloc);
  }

  private JsonNode counts(String tool, String pair) {
    Path f = dir.resolve("counts-" + tool + "-" + pair + ".json");
    try {
      return Files.exists(f) ? JSON.readTree(f.toFile()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  // -------------------------------------------------------------------------------- rendering

  private String render() {
    Pair big = pair(HEADLINE_LARGE);
    line("# Benchmarks: `breakwater diff` vs openapi-diff");
    line();
    line("_Generated by `bench/run.sh` on " + machine.getProperty("date") + ". Do not edit by hand: rerun the script._");
    if ("1".equals(machine.getProperty("quick"))) {
      line();
      line("> **Quick run (`BENCH_QUICK=1`)**: very few runs and iterations. The numbers only show that the script works.");
    }
    line();
    line("Both tools were run on the same pairs of OpenAPI documents, one after the other in the same run of the script, on this machine:");
    line();
    line("| | |");
    line("|---|---|");
    line("| CPU | " + machine.getProperty("nproc") + " cores (`nproc`), " + machine.getProperty("cpu") + " |");
    line("| Memory | " + machine.getProperty("memory") + " |");
    line("| OS | " + machine.getProperty("kernel") + " |");
    line("| Java | `" + machine.getProperty("java").trim() + "` |");
    line("| Load average (1, 5, 15 min) | before: " + machine.getProperty("load_before") + "; after: " + machine.getProperty("load_after") + " |");
    line("| Breakwater | " + (bw ? "`" + machine.getProperty("breakwater_commit") + "`" : "**not measured** (" + blankIf(machine.getProperty("breakwater_commit"), "no build") + ")") + " |");
    line("| openapi-diff | `org.openapitools.openapidiff:openapi-diff-core:2.1.7` |");
    line("| Tools | " + machine.getProperty("hyperfine") + ", GNU time, JMH 1.37 |");
    line("| Whole run of `bench/run.sh` | " + minutes(machine.getProperty("elapsed_seconds")) + " |");
    line();
    noiseSection();

    pairsSection();
    if (bw) {
      targetsSection(big);
    }
    wholeSection();
    if (bw) {
      launcherSection();
    }
    inProcSection();
    memorySection();
    growthSection();
    findingsSection();
    methodSection();
    if (!oddities.isEmpty()) {
      line("## Things to look at");
      line();
      oddities.forEach(o -> line("- " + o));
      line();
    }
    return md.toString();
  }

  private void noiseSection() {
    double[] start = probe("noise-start.txt");
    double[] end = probe("noise-end.txt");
    line("The machine is shared with other work and its two cores are not isolated. To show how much that mattered during this run, "
        + "a fixed CPU workload (`NoiseProbe`: eight SHA-256 digests of 16 MB, 15 samples) was timed before and after the measurements:");
    line();
    line("| Noise probe | min | median | max | max ÷ min |");
    line("|---|---:|---:|---:|---:|");
    for (Object[] row : new Object[][] {{"before", start}, {"after", end}}) {
      double[] v = (double[]) row[1];
      if (v.length > 0) {
        line("| " + row[0] + " | " + num(v[0]) + " ms | " + num(median(v)) + " ms | " + num(v[v.length - 1]) + " ms | "
            + String.format(Locale.ROOT, "%.2f", v[v.length - 1] / v[0]) + " |");
      }
    }
    line();
    line("On a quiet machine max ÷ min stays near 1.1. Well above that, other processes were competing for the cores, and single "
        + "timings can be off by that factor. To keep the comparison fair anyway, the tools take turns: whole-process runs "
        + "alternate between the tools round by round, and the JMH forks alternate between the tools. Medians and minimums are both given; "
        + "the minimum is the figure least disturbed by other processes.");
    line();
    Map<String, String> loads = loads();
    if (!loads.isEmpty()) {
      StringBuilder sb = new StringBuilder("1-minute load average when each pair's measurements began (whole process / in process): ");
      boolean first = true;
      for (Pair p : pairs) {
        String w = loads.get(p.name() + "\twhole");
        String i = loads.get(p.name() + "\tinproc");
        if (w != null || i != null) {
          sb.append(first ? "" : "; ").append(p.name()).append(' ').append(blankIf(w, "–")).append(" / ").append(blankIf(i, "–"));
          first = false;
        }
      }
      line(sb.append('.').toString());
      line();
    }
  }

  private double[] probe(String file) {
    try {
      Path f = dir.resolve(file);
      if (!Files.exists(f)) {
        return new double[0];
      }
      return Arrays.stream(Files.readString(f).trim().split("\\s+")).filter(x -> !x.isBlank())
          .mapToDouble(Double::parseDouble).sorted().toArray();
    } catch (IOException | RuntimeException e) {
      return new double[0];
    }
  }

  private Map<String, String> loads() {
    Map<String, String> m = new TreeMap<>();
    try {
      Path f = dir.resolve("load.tsv");
      if (Files.exists(f)) {
        for (String l : Files.readAllLines(f)) {
          String[] c = l.split("\t");
          if (c.length >= 3) {
            m.put(c[0] + "\t" + c[1], c[2].split(" ")[0]);
          }
        }
      }
    } catch (IOException e) {
      // no load figures then
    }
    return m;
  }

  private void pairsSection() {
    line("## Pairs");
    line();
    line("| Pair | Old → new | Old | New |");
    line("|---|---|---:|---:|");
    for (Pair p : pairs) {
      line("| " + p.name() + " | `" + Path.of(p.oldPath()).getFileName() + "` → `" + Path.of(p.newPath()).getFileName()
          + "` | " + mb(p.oldBytes()) + " | " + mb(p.newBytes()) + " |");
    }
    line();
    line("messaging, verify and twilio are real releases of Twilio's OpenAPI descriptions (`messaging_v1`, `verify_v2`, `api_v2010`, releases 1.20.0 or 2.0.0 → 2.6.7). "
        + "The `gen-*` pairs are generated by `bench/src/main/java/org/breakwater/bench/GeneratePairs.java` from the twilio pair: "
        + "3, 5 and 10 renamed copies of every path and component schema (`/r00/...`, `r00.api.v2010...`), so the real changes between "
        + "the two releases appear once per copy, plus seven seeded edits per copy in the new document (an operation removed, "
        + "two required query parameters added, a property's type changed, an enum value removed, a request field made required, "
        + "an optional property added). Fixed seed: the same bytes on every run.");
    line();
  }

  private void targetsSection(Pair big) {
    line("## Targets");
    line();
    line("Ratios are openapi-diff ÷ Breakwater of the medians (in brackets: of the minimums): above 1 means Breakwater is faster (or smaller).");
    line();
    line("| Target | twilio (" + mbPair(pair(HEADLINE_SMALL)) + ") | " + HEADLINE_LARGE + " (" + mbPair(big) + ") | Met? |");
    line("|---|---:|---:|---|");
    double w1 = ratio(wholeMs("od-" + HEADLINE_SMALL), wholeMs("bw-launcher-" + HEADLINE_SMALL));
    double w2 = ratio(wholeMs("od-" + HEADLINE_LARGE), wholeMs("bw-launcher-" + HEADLINE_LARGE));
    line("| Whole process ≥ 4× faster | " + x(w1) + minWhole(HEADLINE_SMALL) + " | " + x(w2) + minWhole(HEADLINE_LARGE) + " | "
        + met(w1 >= 4 && w2 >= 4, w1, w2) + " |");
    double i1 = ratio(inMs("openapi-diff", HEADLINE_SMALL), inMs("breakwater", HEADLINE_SMALL));
    double i2 = ratio(inMs("openapi-diff", HEADLINE_LARGE), inMs("breakwater", HEADLINE_LARGE));
    line("| In-process ≥ 10× faster | " + x(i1) + minIn(HEADLINE_SMALL) + " | " + x(i2) + minIn(HEADLINE_LARGE) + " | "
        + met(i1 >= 10 && i2 >= 10, i1, i2) + " |");
    double m1 = ratio(rss("od-" + HEADLINE_SMALL), rss("bw-launcher-" + HEADLINE_SMALL));
    double m2 = ratio(rss("od-" + HEADLINE_LARGE), rss("bw-launcher-" + HEADLINE_LARGE));
    line("| Peak memory ≤ ½ (ratio ≥ 2×) | " + x(m1) + " | " + x(m2) + " | " + met(m1 >= 2 && m2 >= 2, m1, m2) + " |");
    Growth g = growth("breakwater");
    String lin = g == null ? "not measured"
        : String.format(Locale.ROOT, "ms/MB at %s ÷ ms/MB at %s = %.2f; fit R² = %.3f", GROWTH.get(GROWTH.size() - 1),
            GROWTH.get(0), g.growthFactor, g.r2);
    boolean linOk = g != null && g.growthFactor <= 1.5 && g.r2 >= 0.95;
    line("| Time grows linearly with size (in-process) | " + lin + " | | " + (g == null ? "–" : linOk ? "**met**" : "**missed**") + " |");
    line();
    line("Whole process: Breakwater through its `./breakwater` launcher (`java " + machine.getProperty("launcher_flags")
        + " -jar ...`). Linear growth is judged met when Breakwater's in-process milliseconds per MB at the largest pair are at most 1.5× "
        + "those at the twilio pair and a straight line fits the four sizes with R² ≥ 0.95 (see [Size growth](#size-growth)).");
    line();
  }

  private String minWhole(String pair) {
    Whole b = whole("bw-launcher-" + pair);
    Whole o = whole("od-" + pair);
    return b == null || o == null ? "" : " (" + x(ratio(o.minMs(), b.minMs())) + ")";
  }

  private String minIn(String pair) {
    InProc b = inProc("breakwater", pair);
    InProc o = inProc("openapi-diff", pair);
    return b == null || o == null ? "" : " (" + x(ratio(o.minMs(), b.minMs())) + ")";
  }

  private void wholeSection() {
    line("## Whole process (wall time of the CLI)");
    line();
    line("Median of the timed runs in milliseconds (mean ± standard deviation, min–max, number of timed runs). `hyperfine -N`, "
        + "output to /dev/null, after warm-up runs; the tools take turns run by run. Includes JVM start-up, reading, parsing, "
        + "comparing and rendering the default text report.");
    line();
    if (bw) {
      line("| Pair | Breakwater (`./breakwater`) | openapi-diff | Ratio (of minimums) |");
      line("|---|---:|---:|---:|");
    } else {
      line("| Pair | openapi-diff |");
      line("|---|---:|");
    }
    for (Pair p : pairs) {
      Whole b = whole("bw-launcher-" + p.name());
      Whole o = whole("od-" + p.name());
      if (bw) {
        line("| " + p.name() + " | " + wholeCell(b) + " | " + wholeCell(o) + " | " + x(ratio(ms(o), ms(b)))
            + (b == null || o == null ? "" : " (" + x(ratio(o.minMs(), b.minMs())) + ")") + " |");
      } else {
        line("| " + p.name() + " | " + wholeCell(o) + " |");
      }
      checkExits("breakwater (launcher flags)", p, b, 0, 1);
      checkExits("breakwater (default flags)", p, whole("bw-default-" + p.name()), 0, 1);
      checkExits("breakwater (launcher with C2)", p, whole("bw-c2-" + p.name()), 0, 1);
      checkExits("openapi-diff", p, o, 0, 1);
    }
    line();
    line("openapi-diff has no published 2.1.7 CLI artifact in the repository this project builds from, so its CLI here is "
        + "`bench/src/main/java/org/breakwater/bench/OpenApiDiffCli.java`, packed with all its dependencies into one jar the way the "
        + "upstream CLI is distributed. It does what the upstream CLI does by default: `OpenApiCompare.fromLocations`, then the "
        + "console render to standard output (`--fail-on-incompatible`: exit 1 on an incompatible change). It runs with the JVM's default flags.");
    line();
  }

  private void launcherSection() {
    line("## Breakwater: launcher flags vs other JVM options");
    line();
    line("Same jar, whole process, median milliseconds (in brackets: median peak RSS, MB), timed in the same interleaved rounds as above.");
    line();
    line("- **launcher**: `./breakwater` itself, i.e. `java " + machine.getProperty("launcher_flags") + " -jar target/breakwater.jar` "
        + "(plus the launcher's own bash and staleness check, a few milliseconds).");
    line("- **defaults**: plain `java -jar target/breakwater.jar` (G1, tiered C1+C2, the JDK's default CDS archive only).");
    line("- **launcher with C2**: the launcher's options without `-XX:TieredStopAtLevel=1` (`BREAKWATER_JAVA_OPTS=\"" + machine.getProperty("c2_opts", "") + "\"`).");
    line();
    line("| Pair | launcher | defaults | launcher with C2 | Fastest |");
    line("|---|---:|---:|---:|---|");
    for (Pair p : pairs) {
      Whole l = whole("bw-launcher-" + p.name());
      Whole d = whole("bw-default-" + p.name());
      Whole c = whole("bw-c2-" + p.name());
      String fastest = "–";
      double best = Double.MAX_VALUE;
      double second = Double.MAX_VALUE;
      for (Object[] o : new Object[][] {{"launcher", l}, {"defaults", d}, {"launcher with C2", c}}) {
        Whole w = (Whole) o[1];
        if (w == null) {
          continue;
        }
        if (w.medianMs() < best) {
          second = best;
          best = w.medianMs();
          fastest = (String) o[0];
        } else if (w.medianMs() < second) {
          second = w.medianMs();
        }
      }
      if (second != Double.MAX_VALUE) {
        fastest += String.format(Locale.ROOT, " (%.0f%% ahead of the next)", 100.0 * (second - best) / second);
      }
      line("| " + p.name() + " | " + variantCell(l) + " | " + variantCell(d) + " | " + variantCell(c) + " | " + fastest + " |");
    }
    line();
  }

  private static String variantCell(Whole w) {
    return w == null ? "–" : num(w.medianMs()) + " (" + num(w.rssMedianMb()) + ")";
  }

  private void inProcSection() {
    line("## In-process comparison time (after warm-up)");
    line();
    line("JMH 1.37 (`" + machine.getProperty("jmh_opts", "") + "`), sample mode: every comparison (read and parse both files, compare; "
        + "no rendering) is timed, after a time-based warm-up in the same JVM. Median milliseconds over all timed comparisons "
        + "[min–max], number of timed comparisons and JVM forks; the forks alternate between the tools. alloc = bytes allocated per "
        + "comparison (JMH `-prof gc`). JVM: G1 with a fixed, pre-touched heap (`" + machine.getProperty("jmh_heap", "") + "`), see Method. Breakwater: "
        + "`new ApiDiff(DiffOptions.defaults()).compare(old, new)`; openapi-diff: `OpenApiCompare.fromLocations(old, new)`. "
        + "Each tool runs in its own JVM with only its own libraries on the class path.");
    line();
    if (bw) {
      line("| Pair | Breakwater | alloc | openapi-diff | alloc | Ratio (of minimums) |");
      line("|---|---:|---:|---:|---:|---:|");
    } else {
      line("| Pair | openapi-diff | alloc |");
      line("|---|---:|---:|");
    }
    for (Pair p : pairs) {
      InProc b = inProc("breakwater", p.name());
      InProc o = inProc("openapi-diff", p.name());
      if (bw) {
        line("| " + p.name() + " | " + inCell(b) + " | " + alloc(b) + " | " + inCell(o) + " | " + alloc(o) + " | "
            + x(ratio(o == null ? Double.NaN : o.medianMs(), b == null ? Double.NaN : b.medianMs()))
            + (b == null || o == null ? "" : " (" + x(ratio(o.minMs(), b.minMs())) + ")") + " |");
      } else {
        line("| " + p.name() + " | " + inCell(o) + " | " + alloc(o) + " |");
      }
    }
    InProc c = inProc("openapi-diff-contents", "twilio");
    if (c != null) {
      line();
      line("openapi-diff with both documents already in memory (`OpenApiCompare.fromContents(oldJson, newJson)`, file reading excluded), "
          + "twilio pair: " + inCell(c) + ", alloc " + alloc(c) + ".");
    }
    List<String> spread = new ArrayList<>();
    for (Pair p : pairs) {
      for (String tool : List.of("breakwater", "openapi-diff")) {
        InProc r = inProc(tool, p.name());
        if (r != null && r.maxMs() > 3 * r.minMs()) {
          spread.add(tool + " on " + p.name() + " (" + num(r.minMs()) + "–" + num(r.maxMs()) + " ms)");
        }
      }
    }
    if (!spread.isEmpty()) {
      line();
      line("Spread of more than 3× between the fastest and the slowest timed comparison, after warm-up: " + String.join(", ", spread)
          + ". Compare with the noise probe above: on this machine such spread comes mostly from other processes competing for "
          + "the two cores, which is why the forks alternate and the minimums are given too.");
    }
    line();
  }

  private void memorySection() {
    line("## Peak memory (max RSS of the whole process)");
    line();
    line("`/usr/bin/time` around every timed whole-process run above: median of the runs' max RSS, and the largest, in MB. "
        + "JVM defaults size the heap from the machine's memory (max heap ¼ of RAM here), so this is what a user sees, not a lower bound.");
    line();
    if (bw) {
      line("| Pair | Breakwater (`./breakwater`) | openapi-diff | Ratio |");
      line("|---|---:|---:|---:|");
    } else {
      line("| Pair | openapi-diff |");
      line("|---|---:|");
    }
    for (Pair p : pairs) {
      Whole b = whole("bw-launcher-" + p.name());
      Whole o = whole("od-" + p.name());
      if (bw) {
        line("| " + p.name() + " | " + rssCell(b) + " | " + rssCell(o) + " | " + x(ratio(rssOf(o), rssOf(b))) + " |");
      } else {
        line("| " + p.name() + " | " + rssCell(o) + " |");
      }
    }
    line();
  }

  record Growth(double slope, double intercept, double r2, double growthFactor) {}

  private Growth growth(String tool) {
    List<double[]> pts = new ArrayList<>();
    for (String n : GROWTH) {
      Pair p = pair(n);
      InProc r = inProc(tool, n);
      if (p == null || r == null) {
        return null;
      }
      pts.add(new double[] {p.mb(), r.medianMs()});
    }
    int n = pts.size();
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (double[] pt : pts) {
      sx += pt[0];
      sy += pt[1];
      sxx += pt[0] * pt[0];
      sxy += pt[0] * pt[1];
      syy += pt[1] * pt[1];
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    double[] first = pts.get(0);
    double[] last = pts.get(n - 1);
    return new Growth(slope, intercept, r * r, (last[1] / last[0]) / (first[1] / first[0]));
  }

  private void growthSection() {
    line("## Size growth");
    line();
    line("Median time divided by the pair's size (mean of the two documents, MB). Linear growth shows as a flat ms/MB column. "
        + "Whole-process ms/MB falls with size because JVM start-up is a fixed cost; the in-process column is the one that tests linearity.");
    line();
    if (bw) {
      line("| Pair | MB | Breakwater in-process ms | ms/MB | openapi-diff in-process ms | ms/MB | Breakwater whole ms/MB | openapi-diff whole ms/MB |");
      line("|---|---:|---:|---:|---:|---:|---:|---:|");
    } else {
      line("| Pair | MB | openapi-diff in-process ms | ms/MB | openapi-diff whole ms/MB |");
      line("|---|---:|---:|---:|---:|");
    }
    for (String n : GROWTH) {
      Pair p = pair(n);
      if (p == null) {
        continue;
      }
      double mb = p.mb();
      double bi = inMs("breakwater", n);
      double oi = inMs("openapi-diff", n);
      double bwh = wholeMs("bw-launcher-" + n);
      double owh = wholeMs("od-" + n);
      if (bw) {
        line("| " + n + " | " + fmt1(mb) + " | " + num(bi) + " | " + num(bi / mb) + " | " + num(oi) + " | " + num(oi / mb) + " | "
            + num(bwh / mb) + " | " + num(owh / mb) + " |");
      } else {
        line("| " + n + " | " + fmt1(mb) + " | " + num(oi) + " | " + num(oi / mb) + " | " + num(owh / mb) + " |");
      }
    }
    line();
    for (String tool : bw ? List.of("breakwater", "openapi-diff") : List.of("openapi-diff")) {
      Growth g = growth(tool);
      if (g != null) {
        line(String.format(Locale.ROOT,
            "- %s, in-process: least-squares line t ≈ %s ms + %s ms/MB × size, R² = %.3f; ms/MB at %s ÷ ms/MB at %s = %.2f (1.00: time proportional to size; above 1: grows faster than size; below 1: slower, as a fixed cost is spread).",
            tool, num(g.intercept), num(g.slope), g.r2, GROWTH.get(GROWTH.size() - 1), GROWTH.get(0), g.growthFactor)
            + generatedOnly(tool));
      }
    }
    line();
  }

  /** The same factor between generated pairs only (same generator, so the same mix of content). */
  private String generatedOnly(String tool) {
    Pair first = pair("gen-5mb");
    Pair last = pair(HEADLINE_LARGE);
    double t1 = inMs(tool, "gen-5mb");
    double t2 = inMs(tool, HEADLINE_LARGE);
    if (first == null || last == null || Double.isNaN(t1) || Double.isNaN(t2)) {
      return "";
    }
    return String.format(Locale.ROOT, " Between generated pairs only (same content mix): ms/MB at %s ÷ ms/MB at gen-5mb = %.2f.",
        HEADLINE_LARGE, (t2 / last.mb()) / (t1 / first.mb()));
  }

  private void findingsSection() {
    line("## What each tool reports (context, not a verdict)");
    line();
    line("Counts from the last in-process comparison of each pair. The tools count different things: Breakwater lists findings "
        + "(one per change it classifies); openapi-diff lists new, missing (removed), deprecated and changed operations and changed "
        + "schemas, and a single compatible/incompatible flag.");
    line();
    if (bw) {
      line("| Pair | Breakwater findings | Breakwater exit | by severity (`--format json`) | openapi-diff new / missing / deprecated / changed ops | changed schemas | incompatible | openapi-diff exit |");
      line("|---|---:|---:|---|---|---:|---|---:|");
    } else {
      line("| Pair | openapi-diff new / missing / deprecated / changed ops | changed schemas | incompatible | openapi-diff exit |");
      line("|---|---|---:|---|---:|");
    }
    for (Pair p : pairs) {
      JsonNode o = counts("openapi-diff", p.name());
      String odCells = o == null ? "– | – | –"
          : o.path("newEndpoints").asInt() + " / " + o.path("missingEndpoints").asInt() + " / " + o.path("deprecatedEndpoints").asInt()
              + " / " + o.path("changedOperations").asInt() + " | " + o.path("changedSchemas").asInt() + " | " + o.path("incompatible").asBoolean();
      Whole ow = whole("od-" + p.name());
      String odExit = ow == null ? "–" : String.valueOf(ow.checkExit());
      if (bw) {
        JsonNode b = counts("breakwater", p.name());
        Whole bwh = whole("bw-launcher-" + p.name());
        String findings = b == null ? "–" : String.valueOf(b.path("findings").asInt());
        line("| " + p.name() + " | " + findings + " | " + (bwh == null ? "–" : bwh.checkExit()) + " | " + severities(p.name())
            + " | " + odCells + " | " + odExit + " |");
      } else {
        line("| " + p.name() + " | " + odCells + " | " + odExit + " |");
      }
    }
    line();
    line("Exit codes: Breakwater 1 = breaking changes found; openapi-diff (with `--fail-on-incompatible`) 1 = incompatible. Both are the expected result here.");
    line();
  }

  /** Groups Breakwater's JSON report by severity, whatever the exact shape, as far as it can. */
  private String severities(String pair) {
    Path f = dir.resolve("bw-json-" + pair + ".json");
    try {
      if (!Files.exists(f) || Files.size(f) == 0) {
        return "–";
      }
      JsonNode root = JSON.readTree(f.toFile());
      JsonNode list = root.isArray() ? root : root.path("findings");
      if (!list.isArray()) {
        return "–";
      }
      Map<String, Integer> by = new TreeMap<>();
      for (JsonNode item : list) {
        String sev = item.path("severity").asText(item.path("level").asText("?"));
        by.merge(sev.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
      StringBuilder s = new StringBuilder();
      by.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
      JsonNode b = counts("breakwater", pair);
      if (b != null && b.path("findings").asInt() != list.size()) {
        oddities.add(pair + ": Breakwater's in-process report has " + b.path("findings").asInt()
            + " findings but its `--format json` output lists " + list.size());
      }
      return s.length() == 0 ? "none" : s.toString();
    } catch (IOException | RuntimeException e) {
      oddities.add(pair + ": Breakwater's `--format json` output does not parse as JSON (" + e.getClass().getSimpleName() + ")");
      return "unparseable";
    }
  }

  private void methodSection() {
    line("## Method");
    line();
    line("- One command: `bench/run.sh` (see `bench/README.md`). It builds Breakwater from the repository's committed HEAD and the "
        + "benchmark module (`bench/pom.xml`, openapi-diff-core 2.1.7, JMH 1.37) in a temporary directory, generates the `gen-*` pairs "
        + "into `bench/work/pairs/` (not committed), measures, and rewrites this file. Raw results: `bench/work/results/`.");
    line("- Whole process: per command and pair, one checked run (output, exit code and RSS kept in `bench/work/results/`; it also "
        + "serves as the first warm-up), then rounds of `hyperfine -N -r 1` with one run of every command per round, in alternating "
        + "order (warm-up rounds first, not counted), "
        + "each run wrapped in `/usr/bin/time -f %M`. Fewer runs on the large pairs, where openapi-diff takes seconds per run, to keep "
        + "the whole script near 15 minutes; the run counts are in the tables.");
    line("- In process: JMH `" + machine.getProperty("jmh_opts", "") + " -prof gc`, forks run with `" + machine.getProperty("jmh_heap", "")
        + "`: per fork 4 warm-up iterations of 2 s and 4 measured "
        + "iterations of 2 s, every comparison timed (an iteration holds at least one comparison, so on the large pairs an iteration "
        + "can run longer). Time-based warm-up because, while this benchmark was being prepared, Breakwater needed about 6 s of warm-up "
        + "on the twilio pair before C2 had compiled its hot code on this 2-core machine, and ran about 7× slower before that. One fork per tool and pair, two for "
        + "twilio and gen-20mb, taken in turns (Breakwater, openapi-diff, Breakwater, ...). The median is over all timed comparisons.");
    line("- Why a fixed, pre-touched heap in process: on this virtual machine the first touch of a memory page is slow (pre-touching "
        + "a 6 GB heap took about 15 s, some 2.5 ms per MB). With the default growing heap, each comparison that allocates into "
        + "fresh heap pages ran 3–6× slower than one that reuses pages, for seconds at a time, for both tools. Pre-touching moves that "
        + "cost out of the measurement. The whole-process figures keep it: every new JVM touches fresh memory, so there peak memory "
        + "also costs wall time.");
    line("- Peak memory: max RSS as reported by GNU time for each timed whole-process run.");
    line("- Ratios: openapi-diff ÷ Breakwater of the medians.");
    line();
  }

  // ---------------------------------------------------------------------------------- helpers

  private void checkExits(String tool, Pair p, Whole w, int... allowed) {
    if (w == null) {
      return;
    }
    List<Integer> all = new ArrayList<>(w.exitCodes());
    all.add(w.checkExit());
    for (int e : all) {
      if (Arrays.stream(allowed).noneMatch(a -> a == e)) {
        oddities.add(String.format(Locale.ROOT, "%s on %s exited with %d (expected 0 or 1); see bench/work/results/err-*-%s.txt",
            tool, p.name(), e, p.name()));
        return;
      }
    }
  }

  private String summaryForConsole() {
    StringBuilder s = new StringBuilder();
    for (Pair p : pairs) {
      s.append(String.format(Locale.ROOT, "%-10s whole: bw %s ms, od %s ms | in-process: bw %s ms, od %s ms | RSS: bw %s MB, od %s MB%n",
          p.name(), num(wholeMs("bw-launcher-" + p.name())), num(wholeMs("od-" + p.name())),
          num(inMs("breakwater", p.name())), num(inMs("openapi-diff", p.name())),
          num(rss("bw-launcher-" + p.name())), num(rss("od-" + p.name()))));
    }
    oddities.forEach(o -> s.append("NOTE: ").append(o).append('\n'));
    return s.toString();
  }

  private Pair pair(String name) {
    return pairs.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  private double wholeMs(String id) {
    return ms(whole(id));
  }

  private static double ms(Whole w) {
    return w == null ? Double.NaN : w.medianMs();
  }

  private double rss(String id) {
    return rssOf(whole(id));
  }

  private static double rssOf(Whole w) {
    return w == null ? Double.NaN : w.rssMedianMb();
  }

  private double inMs(String tool, String pair) {
    InProc r = inProc(tool, pair);
    return r == null ? Double.NaN : r.medianMs();
  }

  private static double ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
  }

  private static String met(boolean ok, double... values) {
    for (double v : values) {
      if (Double.isNaN(v)) {
        return "–";
      }
    }
    return ok ? "**met**" : "**missed**";
  }

  private static String wholeCell(Whole w) {
    if (w == null) {
      return "–";
    }
    return String.format(Locale.ROOT, "**%s** (%s ± %s, %s–%s, %d runs)", num(w.medianMs()), num(w.meanMs()), num(w.sdMs()),
        num(w.minMs()), num(w.maxMs()), w.runs());
  }

  private static String msOrDash(Whole w) {
    return w == null ? "–" : num(w.medianMs());
  }

  private static String rssCell(Whole w) {
    return w == null || Double.isNaN(w.rssMedianMb()) ? "–"
        : String.format(Locale.ROOT, "%s (max %s)", num(w.rssMedianMb()), num(w.rssMaxMb()));
  }

  private static String inCell(InProc r) {
    return r == null ? "–"
        : String.format(Locale.ROOT, "**%s** [%s–%s], %d in %d fork%s", num(r.medianMs()), num(r.minMs()), num(r.maxMs()),
            r.n(), r.forks(), r.forks() == 1 ? "" : "s");
  }

  private static String alloc(InProc r) {
    return r == null || Double.isNaN(r.allocMbPerOp()) ? "–" : num(r.allocMbPerOp()) + " MB";
  }

  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String x(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f×", v);
  }

  private static String fmt1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
  }

  private static String mbPair(Pair p) {
    return p == null ? "–" : String.format(Locale.ROOT, "%.1f MB", p.mb());
  }

  private static String minutes(String seconds) {
    if (seconds == null) {
      return "–";
    }
    long s = Long.parseLong(seconds.trim());
    return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }

  private static String blankIf(String s, String dflt) {
    return s == null || s.isBlank() ? dflt : s;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double percentile(double[] sorted, double p) {
    double pos = p / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  private static String lastLine(Path f) throws IOException {
    List<String> lines = Files.readAllLines(f);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i);
      }
    }
    return "";
  }

  private void line(String s) {
    md.append(s).append('\n');
  }

  private void line() {
    md.append('\n');
  }
}
