package org.breakwater.traffic.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.Usage;
import org.breakwater.traffic.parse.LogFormat;
import org.breakwater.traffic.parse.MalformedLine;
import org.breakwater.traffic.parse.ReadSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater traffic ingest|consumers|impact|migrations|crossings}: who really calls what, from access logs. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = {"Learn who really calls a service, and which operations, from its access logs.",
            "",
            "Each request is named by the catalog consumers' identify rules (docs/catalog.md), or",
            "listed as an unknown caller with its user agent and address, and matched against the",
            "API description the environment ran at that moment. Counts add up across reads.",
            "",
            "Examples:",
            "  breakwater traffic ingest --service pkgdb --env production /var/log/httpd/access_log*",
            "  zcat old.log.gz | breakwater traffic ingest --service pkgdb --env staging -",
            "  breakwater traffic ingest --service pkgdb --env production --format json app.jsonl",
            "  breakwater traffic ingest --service pkgdb --env production \\\\",
            "      --format '$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent' x.log",
            "  breakwater traffic consumers pkgdb",
            "  breakwater traffic impact 1 --days 30        # who still calls what plan 1 breaks",
            "  breakwater traffic migrations 1              # how far each affected consumer has come",
            "  breakwater traffic crossings pkgdb           # production hosts calling staging, and the reverse"},
        subcommands = {TrafficCommand.Ingest.class, TrafficCommand.Consumers.class, TrafficCommand.Impact.class,
            TrafficCommand.Migrations.class, TrafficCommand.CrossingsCommand.class})
public final class TrafficCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** combined, common, json, or an nginx log_format string. */
    static LogFormat format(String text) {
        return switch (text) {
            case "combined" -> LogFormat.combined();
            case "common" -> LogFormat.common();
            case "json" -> LogFormat.jsonLines(java.util.Map.of());
            default -> LogFormat.nginx(text);
        };
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Read access logs (plain or gzip; '-' for standard input) and add their counts.",
                "",
                "With --follow, FILE may also be a folder: every log in it (not compressed rotated copies)",
                "is read, then read on as it grows, every --interval seconds, until Ctrl-C. How far each",
                "file was read is stored with the counts, so a follower restarted later (or run from cron",
                "with --polls 1) reads only what is new; a log renamed by rotation keeps its place.",
                "",
                "Examples:",
                "  breakwater traffic ingest --service pkgdb --env production access_log access_log.1.gz",
                "  breakwater traffic ingest --service pkgdb --env production --follow /var/log/httpd/pkgdb/",
                "  breakwater traffic ingest --service pkgdb --env staging --follow --polls 1 /var/log/httpd/"})
    static final class Ingest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--service", required = true, paramLabel = "SERVICE")
        String service;

        @Option(names = {"--env", "--environment"}, required = true, paramLabel = "ENV")
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

        @Option(names = "--polls", paramLabel = "N",
                description = "with --follow: stop after N reads (default: until interrupted)")
        Integer polls;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
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
                f = format(format);
            } catch (IllegalArgumentException e) {
                err.println("breakwater traffic ingest: --format: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            List<TrafficService.Input> inputs = new ArrayList<>();
            for (String file : files) {
                if (file.equals("-")) {
                    inputs.add(new TrafficService.Input("<stdin>", () -> progress.count(new UnclosedStream(System.in))));
                } else {
                    Path p = Path.of(file);
                    if (!Files.isReadable(p) || Files.isDirectory(p)) {
                        err.println("breakwater traffic ingest: " + file + ": not a readable file");
                        return ExitCode.INPUT_ERROR;
                    }
                    inputs.add(new TrafficService.Input(file, () -> progress.count(Files.newInputStream(p))));
                }
            }
            return ErrorReporting.guarded("traffic ingest", err, () -> {
                App app = store.open(Clock.systemUTC());
                TrafficService traffic = app.traffic();
                Outcome<List<CallerRule>> rules = traffic.rules();
                if (rules instanceof Outcome.Refused<List<CallerRule>> r) {
                    err.println("breakwater traffic ingest: " + r.reason());
                    return ExitCode.INPUT_ERROR;
                }
                Outcome<TrafficService.Report> o = traffic.ingest(service, environment, f, inputs,
                        ((Outcome.Done<List<CallerRule>>) rules).value(), Ingest::reverseDns);
                if (o instanceof Outcome.Refused<TrafficService.Report> r) {
                    err.println("breakwater traffic ingest: " + r.reason());
                    return ExitCode.INPUT_ERROR;
                }
                TrafficService.Report report = ((Outcome.Done<TrafficService.Report>) o).value();
                print(out, report);
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
            try {
                f = format(format);
            } catch (IllegalArgumentException e) {
                err.println("breakwater traffic ingest: --format: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            return ErrorReporting.guarded("traffic ingest", err, () -> {
                App app = store.open(Clock.systemUTC());
                if (app.catalog().service(service).isEmpty()) {
                    err.println("breakwater traffic ingest: unknown service '" + service + "'");
                    return ExitCode.INPUT_ERROR;
                }
                if (app.catalog().environments().stream().noneMatch(e -> e.name().equals(environment))) {
                    err.println("breakwater traffic ingest: unknown environment '" + environment + "'");
                    return ExitCode.INPUT_ERROR;
                }
                Outcome<List<CallerRule>> rules = app.traffic().rules();
                if (rules instanceof Outcome.Refused<List<CallerRule>> r) {
                    err.println("breakwater traffic ingest: " + r.reason());
                    return ExitCode.INPUT_ERROR;
                }
                org.breakwater.traffic.Follower follower = app.follower(service, environment, f,
                        files.stream().map(Path::of).toList(), ((Outcome.Done<List<CallerRule>>) rules).value(),
                        Ingest::reverseDns);
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
                                print(out, poll.report());
                            } else if (!quiet) {
                                for (ReadSummary s : poll.report().inputs()) {
                                    out.println(Times.show(java.time.Instant.now()) + "  " + s.source() + ": +" + s.lines()
                                            + " lines, " + s.records() + " requests, " + s.malformed() + " malformed");
                                    s.samples().forEach(m -> out.println("    " + m.message()));
                                }
                            }
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

        private void print(PrintWriter out, TrafficService.Report report) {
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

    /** Standard input, which the reader must not close. */
    private static final class UnclosedStream extends java.io.FilterInputStream {
        UnclosedStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input stays open
        }
    }

    @Command(name = "consumers", mixinStandardHelpOptions = true,
            description = "Who called the service, and what: per caller and operation, calls and first and last seen.")
    static final class Consumers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SERVICE")
        String service;

        @Option(names = {"--env", "--environment"}, paramLabel = "ENV", description = "one environment (default: all)")
        String environment;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return ErrorReporting.guarded("traffic consumers", err, () -> {
                App app = store.open(Clock.systemUTC());
                if (app.catalog().service(service).isEmpty()) {
                    err.println("breakwater traffic consumers: unknown service '" + service + "'");
                    return ExitCode.INPUT_ERROR;
                }
                List<Usage> usages = app.traffic().usages(service, Optional.ofNullable(environment));
                if (json) {
                    JsonOutput.print(out, g -> TrafficJson.usages(g, usages));
                    return ExitCode.OK;
                }
                if (usages.isEmpty()) {
                    out.println("No traffic of " + service + " read yet (breakwater traffic ingest --help).");
                    return ExitCode.OK;
                }
                Table t = new Table("ENVIRONMENT", "CALLER", "OPERATION", "CALLS", "FIRST SEEN", "LAST SEEN");
                for (Usage u : usages) {
                    t.row(u.environment(), u.caller(), u.operation(), Long.toString(u.count()), Times.show(u.firstSeen()),
                            Times.show(u.lastSeen()));
                }
                t.print(out);
                List<org.breakwater.traffic.Crossings.Crossing> crossings = app.traffic().crossings(service);
                if (!crossings.isEmpty()) {
                    out.println();
                    out.println(crossings.size() + " caller(s) called across environments (a production host calling"
                            + " staging, or the reverse): breakwater traffic crossings " + service);
                }
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "crossings", mixinStandardHelpOptions = true,
            description = {"Calls that crossed environments: a host the catalog places in one environment (its",
                "environments' hosts) calling the service in another — a production script still pointing",
                "at staging, or a staging host calling production."})
    static final class CrossingsCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SERVICE")
        String service;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return ErrorReporting.guarded("traffic crossings", err, () -> {
                App app = store.open(Clock.systemUTC());
                if (app.catalog().service(service).isEmpty()) {
                    err.println("breakwater traffic crossings: unknown service '" + service + "'");
                    return ExitCode.INPUT_ERROR;
                }
                List<org.breakwater.traffic.Crossings.Crossing> crossings = app.traffic().crossings(service);
                if (json) {
                    JsonOutput.print(out, g -> TrafficJson.crossings(g, crossings));
                    return ExitCode.OK;
                }
                if (app.catalog().environments().stream().allMatch(e -> e.hosts().isEmpty())) {
                    out.println("The catalog's environments name no hosts, so no call can be placed (add 'hosts:' to"
                            + " each environment, docs/catalog.md).");
                    return ExitCode.OK;
                }
                if (crossings.isEmpty()) {
                    out.println("No call into " + service + " came from another environment's hosts.");
                    return ExitCode.OK;
                }
                Table t = new Table("CALLS INTO", "FROM", "ADDRESS", "CALLER", "CALLS", "FIRST SEEN", "LAST SEEN");
                for (org.breakwater.traffic.Crossings.Crossing c : crossings) {
                    t.row(c.environment(), c.origin(), c.address(), c.caller(), Long.toString(c.count()),
                            Times.show(c.firstSeen()), Times.show(c.lastSeen()));
                }
                t.print(out);
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "migrations", mixinStandardHelpOptions = true,
            description = {"How far each consumer a plan affects has come: declared → acknowledged → verified in",
                "staging → verified in production, from the catalog, the plan's evidence and the access logs",
                "(docs/traffic.md says what each state needs). Unknown callers are listed for their owners",
                "to be found. The plan's consumer gates follow these states."})
    static final class Migrations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PLAN")
        long plan;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Mixin
        StoreOptions store;

        @Mixin
        org.breakwater.cli.common.PolicyOption policy;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return ErrorReporting.guarded("traffic migrations", err, () -> {
                App app = store.open(Clock.systemUTC());
                Outcome<org.breakwater.plan.PlanReport> report;
                try {
                    report = app.plans(policy.load()).report(plan);
                } catch (org.breakwater.policy.PolicyException e) {
                    err.println("breakwater traffic migrations: the policy does not read: " + e.getMessage());
                    return ExitCode.INPUT_ERROR;
                }
                if (report instanceof Outcome.Refused<org.breakwater.plan.PlanReport> r) {
                    err.println("breakwater traffic migrations: " + r.reason());
                    return ExitCode.INPUT_ERROR;
                }
                org.breakwater.plan.PlanReport r = ((Outcome.Done<org.breakwater.plan.PlanReport>) report).value();
                if (json) {
                    JsonOutput.print(out, g -> org.breakwater.plan.cli.MigrationOutput.json(g, r.migrations()));
                    return ExitCode.OK;
                }
                org.breakwater.plan.cli.MigrationOutput.text(out, r.migrations());
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "impact", mixinStandardHelpOptions = true,
            description = {"Who really still calls what a plan's releases remove or break: every caller, known",
                "or not, seen in the plan's environment within the last --days, with counts and last seen."})
    static final class Impact implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PLAN")
        long plan;

        @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "default: ${DEFAULT-VALUE}")
        int days;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Mixin
        StoreOptions store;

        @Mixin
        org.breakwater.cli.common.PolicyOption policy;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (days < 1) {
                err.println("breakwater traffic impact: --days must be at least 1");
                return ExitCode.INPUT_ERROR;
            }
            return ErrorReporting.guarded("traffic impact", err, () -> {
                App app = store.open(Clock.systemUTC());
                Outcome<org.breakwater.plan.PlanReport> report;
                try {
                    report = app.plans(policy.load()).report(plan);
                } catch (org.breakwater.policy.PolicyException e) {
                    err.println("breakwater traffic impact: the policy does not read: " + e.getMessage());
                    return ExitCode.INPUT_ERROR;
                }
                if (report instanceof Outcome.Refused<org.breakwater.plan.PlanReport> r) {
                    err.println("breakwater traffic impact: " + r.reason());
                    return ExitCode.INPUT_ERROR;
                }
                List<TrafficService.Hit> hits = app.traffic().impact(((Outcome.Done<org.breakwater.plan.PlanReport>) report)
                        .value(), java.time.Duration.ofDays(days), java.time.Instant.now());
                if (json) {
                    JsonOutput.print(out, g -> TrafficJson.hits(g, hits));
                    return ExitCode.OK;
                }
                if (hits.isEmpty()) {
                    out.println("No call in the last " + days + " days reached an operation plan " + plan
                            + " breaks (of the traffic read so far: breakwater traffic ingest).");
                    return ExitCode.OK;
                }
                Table t = new Table("CALLER", "SERVICE", "OPERATION", "CALLS", "LAST SEEN", "BREAKS");
                for (TrafficService.Hit h : hits) {
                    t.row(h.caller(), h.service(), h.operation(), Long.toString(h.calls()), Times.show(h.lastSeen()),
                            h.changes().get(0) + (h.changes().size() > 1 ? " (+" + (h.changes().size() - 1) + ")" : ""));
                }
                t.print(out);
                long unknown = hits.stream().filter(h -> !h.known()).map(TrafficService.Hit::caller).distinct().count();
                if (unknown > 0) {
                    out.println(unknown + " caller(s) are not in the catalog: find their owners and add them as consumers"
                            + " with identify rules (docs/catalog.md).");
                }
                return ExitCode.OK;
            });
        }
    }
}
