package org.breakwater.traffic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Times;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.LogReads;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.Usage;
import org.breakwater.traffic.parse.LogFormat;
import org.breakwater.traffic.parse.MalformedLine;
import org.breakwater.traffic.parse.ReadSummary;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater traffic ingest}: access logs read, or followed, into counts. */
@WritesStore
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read access logs (plain or gzip; '-' for standard input) and add their counts.",
            "",
            "With --follow, FILE may also be a folder: every log in it (not compressed rotated copies)",
            "is read, then read on as it grows, every --interval seconds, until Ctrl-C. How far each",
            "file was read is stored with the counts, so a follower restarted later (or run from cron",
            "with --polls 1) reads only what is new; a log renamed by rotation keeps its place.",
            "",
            "Without --follow, each log is recognised by its first bytes: one read before is skipped,",
            "saying so, and one that grew is read from where the last read stopped (--reread counts",
            "it all again). Standard input cannot be recognised: it is counted as given.",
            "",
            "Examples:",
            "  breakwater traffic ingest --service pkgdb --env production access_log access_log.1.gz",
            "  breakwater traffic ingest --service pkgdb --env production --follow /var/log/httpd/pkgdb/",
            "  breakwater traffic ingest --service pkgdb --env staging --follow --polls 1 /var/log/httpd/"})
final class TrafficIngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, paramLabel = "SERVICE",
            description = "the service whose access logs these are, as named in the catalog")
    String service;

    @Option(names = {"--env", "--environment"}, required = true, paramLabel = "ENV",
            description = "the environment that wrote the logs: staging, production, …")
    String environment;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "combined",
            description = "combined (default), common, json (JSON lines), or an nginx log_format string")
    String format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "log files; '-' reads standard input")
    List<String> files;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Option(names = "--quiet", description = "no progress line, even on a terminal; with --follow, no line per poll")
    boolean quiet;

    @Option(names = "--follow", description = "follow the files, or the folders' logs, as they grow (see above)")
    boolean follow;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "with --follow: seconds between reads (default: ${DEFAULT-VALUE})")
    int interval;

    @Option(names = "--no-detect", description = "with --follow: do not run the breakage detector after each read"
            + " (by default it judges the plans in progress or settling, docs/deployment-day.md)")
    boolean noDetect;

    @Option(names = "--polls", paramLabel = "N",
            description = "with --follow: stop after N reads (default: until interrupted)")
    Integer polls;

    @Option(names = "--drop-query", paramLabel = "NAME", description = "a query parameter never kept in the request"
            + " targets sampled for replay (repeatable; tokens, keys and passwords are always dropped)")
    private List<String> dropQuery = new java.util.ArrayList<>();

    @Option(names = "--reread", description = "count logs read before again, whole (by default a log already read"
            + " is skipped and one that grew is read from where the last read stopped)")
    boolean reread;

    @Mixin
    StoreOptions store;

    @Mixin
    org.breakwater.cli.common.PolicyOption policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (follow && reread) {
            err.println("breakwater traffic ingest: --reread goes without --follow (a follower reads each line once)");
            return ExitCode.INPUT_ERROR;
        }
        if (follow) {
            return follow(out, err);
        }
        if (polls != null || spec.commandLine().getParseResult().hasMatchedOption("--interval")) {
            err.println("breakwater traffic ingest: --interval and --polls go with --follow");
            return ExitCode.INPUT_ERROR;
        }
        long total = 0;
        for (String file : files) {
            try {
                total = file.equals("-") || total < 0 ? -1 : total + Files.size(Path.of(file));
            } catch (IOException e) {
                total = -1; // refused below, with the reason
            }
        }
        Progress progress = Progress.start(total, err, !quiet && System.console() != null);
        try {
            return ingest(out, err, progress);
        } finally {
            progress.close();
        }
    }

    private int ingest(PrintWriter out, PrintWriter err, Progress progress) {
        LogFormat f;
        try {
            f = TrafficCommand.format(format);
        } catch (IllegalArgumentException e) {
            err.println("breakwater traffic ingest: --format: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        for (String file : files) {
            Path p = Path.of(file);
            if (!file.equals("-") && (!Files.isReadable(p) || Files.isDirectory(p))) {
                err.println("breakwater traffic ingest: " + file + ": not a readable file");
                return ExitCode.INPUT_ERROR;
            }
        }
        return ErrorReporting.guarded("traffic ingest", err, () -> {
            App app = store.open(Clock.systemUTC());
            TrafficService traffic = app.traffic(java.util.Set.copyOf(dropQuery));
            Outcome<List<CallerRule>> rules = traffic.rules();
            if (rules instanceof Outcome.Refused<List<CallerRule>> r) {
                err.println("breakwater traffic ingest: " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            LogReads.Plan plan;
            try {
                plan = new LogReads(service, environment, traffic.reads(service, environment), Clock.systemUTC(),
                        progress::count).plan(files, () -> new UnclosedStream(System.in), reread);
            } catch (IOException e) {
                err.println("breakwater traffic ingest: cannot be read: " + e.getMessage() + " (nothing was stored)");
                return ExitCode.INPUT_ERROR;
            }
            plan.notes().forEach(n -> err.println("breakwater traffic ingest: " + n));
            Outcome<TrafficService.Report> o = traffic.ingest(service, environment, f, plan.inputs(),
                    ((Outcome.Done<List<CallerRule>>) rules).value(), TrafficIngestCommand::reverseDns);
            if (o instanceof Outcome.Refused<TrafficService.Report> r) {
                err.println("breakwater traffic ingest: " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            TrafficService.Report report = ((Outcome.Done<TrafficService.Report>) o).value();
            print(out, report, plan.notes());
            return report.inputs().stream().anyMatch(s -> s.failure().isPresent()) ? ExitCode.INPUT_ERROR : ExitCode.OK;
        });
    }

    /** --follow: poll the files and folders until interrupted (or --polls), one transaction per poll. */
    private int follow(PrintWriter out, PrintWriter err) {
        if (interval < 1 || interval > 86_400) {
            err.println("breakwater traffic ingest: --interval must be between 1 and 86400 seconds");
            return ExitCode.INPUT_ERROR;
        }
        if (polls != null && polls < 1) {
            err.println("breakwater traffic ingest: --polls must be at least 1");
            return ExitCode.INPUT_ERROR;
        }
        if (files.contains("-")) {
            err.println("breakwater traffic ingest: --follow reads files or folders, not standard input");
            return ExitCode.INPUT_ERROR;
        }
        LogFormat f;
        org.breakwater.policy.Policy judged; // the detector's thresholds: the policy's detection section
        try {
            f = TrafficCommand.format(format);
            judged = policy.load();
        } catch (IllegalArgumentException e) {
            err.println("breakwater traffic ingest: --format: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        } catch (org.breakwater.policy.PolicyException e) {
            err.println("breakwater traffic ingest: the policy does not read: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        return ErrorReporting.guarded("traffic ingest", err, () -> {
            App app = store.open(Clock.systemUTC());
            if (app.catalog().service(service).isEmpty()) {
                err.println("breakwater traffic ingest: " + app.catalog().unknownService(service));
                return ExitCode.INPUT_ERROR;
            }
            if (app.catalog().environments().stream().noneMatch(e -> e.name().equals(environment))) {
                err.println("breakwater traffic ingest: " + app.catalog().unknownEnvironment(environment));
                return ExitCode.INPUT_ERROR;
            }
            Outcome<List<CallerRule>> rules = app.traffic().rules();
            if (rules instanceof Outcome.Refused<List<CallerRule>> r) {
                err.println("breakwater traffic ingest: " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            org.breakwater.traffic.Follower follower = app.follower(service, environment, f,
                    files.stream().map(Path::of).toList(), ((Outcome.Done<List<CallerRule>>) rules).value(),
                    TrafficIngestCommand::reverseDns, java.util.Set.copyOf(dropQuery));
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread hook = new Thread(() -> {
                stop.set(true);
                try {
                    stopped.await(60, java.util.concurrent.TimeUnit.SECONDS); // let the poll under way finish
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (!quiet) {
                    err.println("Following " + String.join(", ", files) + " for " + service + " in " + environment
                            + " every " + interval + " s" + (polls == null ? " (Ctrl-C stops)" : ", " + polls
                            + " time(s)"));
                }
                int done = 0;
                while (!stop.get()) {
                    Outcome<org.breakwater.traffic.Follower.Poll> o = follower.poll();
                    if (o instanceof Outcome.Refused<org.breakwater.traffic.Follower.Poll> r) {
                        err.println("breakwater traffic ingest: " + r.reason());
                        return ExitCode.INPUT_ERROR;
                    }
                    org.breakwater.traffic.Follower.Poll poll = ((Outcome.Done<org.breakwater.traffic.Follower.Poll>) o)
                            .value();
                    if (!quiet) {
                        poll.notes().forEach(n -> err.println(Times.show(java.time.Instant.now()) + "  " + n));
                    }
                    if (poll.readSomething()) {
                        if (json) {
                            print(out, poll.report(), List.of());
                        } else if (!quiet) {
                            for (ReadSummary s : poll.report().inputs()) {
                                out.println(Times.show(java.time.Instant.now()) + "  " + s.source() + ": +" + s.lines()
                                        + " lines, " + s.records() + " requests, " + s.malformed() + " malformed");
                                s.samples().forEach(m -> out.println("    " + m.message()));
                            }
                        }
                        out.flush();
                    }
                    if (poll.readSomething() && !noDetect) {
                        app.detectBreakage(judged).forEach(line -> out.println(Times.show(java.time.Instant.now()) + "  " + line));
                        out.flush();
                    }
                    done++;
                    if (polls != null && done >= polls) {
                        break;
                    }
                    try {
                        for (int i = 0; i < interval * 10 && !stop.get(); i++) {
                            Thread.sleep(100);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                return ExitCode.OK;
            } finally {
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook is running and now returns
                }
            }
        });
    }

    private void print(PrintWriter out, TrafficService.Report report, List<String> notes) {
        long known = report.usages().stream().filter(Usage::known).mapToLong(Usage::count).sum();
        long unmatched = report.usages().stream().filter(u -> !u.matched()).mapToLong(Usage::count).sum();
        long unknownCallers = report.usages().stream().filter(u -> !u.known()).map(Usage::caller).distinct().count();
        if (json) {
            JsonOutput.print(out, g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("inputs");
                for (ReadSummary s : report.inputs()) {
                    g.writeStartObject();
                    g.writeStringField("source", s.source());
                    g.writeNumberField("lines", s.lines());
                    g.writeNumberField("records", s.records());
                    g.writeNumberField("malformed", s.malformed());
                    g.writeArrayFieldStart("samples");
                    for (MalformedLine m : s.samples()) {
                        g.writeString(m.message());
                    }
                    g.writeEndArray();
                    JsonOutput.optional(g, "failure", s.failure());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("notes");
                for (String n : notes) {
                    g.writeString(n);
                }
                g.writeEndArray();
                g.writeNumberField("calls", report.calls());
                g.writeNumberField("callsByKnownConsumers", known);
                g.writeNumberField("unknownCallers", unknownCallers);
                g.writeNumberField("callsToNoOperation", unmatched);
                g.writeEndObject();
            });
            return;
        }
        for (ReadSummary s : report.inputs()) {
            out.println(s.source() + ": " + s.lines() + " lines, " + s.records() + " requests, " + s.malformed()
                    + " malformed" + s.failure().map(x -> "; stopped: " + x).orElse(""));
            s.samples().forEach(m -> out.println("  " + m.message()));
        }
        out.println(report.calls() + " calls counted for " + service + " in " + environment + ": " + known
                + " by known consumers, " + (report.calls() - known) + " by " + unknownCallers + " unknown caller(s); "
                + unmatched + " to no operation of the deployed description.");
        out.println("See them: breakwater traffic consumers " + service + " --env " + environment);
    }

    /** An address's host name by reverse DNS, when a host rule needs it. */
    static Optional<String> reverseDns(String address) {
        try {
            String name = InetAddress.getByName(address).getCanonicalHostName();
            return name.equals(address) ? Optional.empty() : Optional.of(name);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
