package org.breakwater.traffic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.traffic.parse.LogFormat;
import org.breakwater.traffic.parse.LogReader;
import org.breakwater.traffic.parse.ReadSummary;
import org.breakwater.traffic.store.JdbiTrafficRepository;

/**
 * Not a test: a throughput harness for {@code traffic ingest}. Arguments: MODE (parse | ingest)
 * DB-URL SERVICE ENV FILE [RUNS]. Prints MB/s and lines/s per run; the first runs warm the JIT.
 */
public final class IngestBench {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[4]);
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        long size = Files.size(file);
        try (App app = App.open(new App.Settings(Optional.of(args[1]), file.getParent()), Clock.systemUTC())) {
            TrafficService traffic = new TrafficService(app.catalog(), new JdbiTrafficRepository(app.database().jdbi()));
            List<CallerRule> rules = ((Outcome.Done<List<CallerRule>>) traffic.rules()).value();
            for (int run = 0; run < runs; run++) {
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long lines;
                if (mode.equals("parse")) {
                    long[] n = new long[1];
                    try (var in = Files.newInputStream(file)) {
                        ReadSummary s = new LogReader(LogFormat.combined()).read(file.toString(), in, r -> n[0]++);
                        lines = s.lines();
                    }
                } else if (mode.equals("tally")) { // the ingest without the store
                    DeployedApis apis = new DeployedApis(app.catalog(), args[2], args[3]);
                    CallerIdentifier identify = new CallerIdentifier(rules, a -> Optional.empty());
                    Tally tally = new Tally(args[2], args[3]);
                    NameIds ids = new NameIds();
                    TallySlots slots = new TallySlots(tally);
                    // -Dsamples=true: with the replay's target samples, as traffic ingest keeps them
                    TargetSamples samples = Boolean.getBoolean("samples")
                            ? new TargetSamples(args[2], args[3], java.util.Set.of()) : TargetSamples.NONE;
                    int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
                    try (var in = Files.newInputStream(file)) {
                        ReadSummary s = new org.breakwater.traffic.parse.ChunkedLogReader(LogFormat.combined(), threads)
                                .read(file.toString(), in, () -> new LineCounter(apis, identify, ids, Crossings.NONE,
                                        samples), c -> c.addTo(slots));
                        lines = s.lines();
                    }
                    if (run == 0) {
                        System.out.println("usages=" + tally.usages().size());
                    }
                } else {
                    Outcome<TrafficService.Report> o = traffic.ingest(args[2], args[3], LogFormat.combined(),
                            List.of(new TrafficService.Input(file.toString(), () -> Files.newInputStream(file))), rules,
                            a -> Optional.empty());
                    TrafficService.Report r = ((Outcome.Done<TrafficService.Report>) o).value();
                    lines = r.inputs().get(0).lines();
                    if (run == 0) {
                        System.out.println(r.inputs() + " usages=" + r.usages().size() + " calls=" + r.calls());
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - c0) / 1e9;
                System.out.printf("%s run %d: %.2f s, %.1f MB/s, %.0f lines/s; %.2f CPU s, %.1f MB per CPU s; load %.2f%n",
                        mode, run, s, size / 1e6 / s, lines / s, cpu, size / 1e6 / cpu, os.getSystemLoadAverage());
            }
        }
    }
}
