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

/** {@code breakwater traffic ingest|consumers}: who really calls what, from access logs. */
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
            "  breakwater traffic impact 1 --days 30        # who still calls what plan 1 breaks"},
        subcommands = {TrafficCommand.Ingest.class, TrafficCommand.Consumers.class, TrafficCommand.Impact.class})
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
            description = "Read access logs (plain or gzip; '-' for standard input) and add their counts.")
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

        @Option(names = "--quiet", description = "no progress line, even on a terminal")
        boolean quiet;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
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
                    JsonOutput.print(out, g -> {
                        g.writeStartArray();
                        for (Usage u : usages) {
                            g.writeStartObject();
                            g.writeStringField("environment", u.environment());
                            g.writeStringField("caller", u.caller());
                            g.writeBooleanField("known", u.known());
                            g.writeStringField("operation", u.operation());
                            g.writeNumberField("calls", u.count());
                            g.writeStringField("firstSeen", u.firstSeen().toString());
                            g.writeStringField("lastSeen", u.lastSeen().toString());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    });
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
                    JsonOutput.print(out, g -> {
                        g.writeStartArray();
                        for (TrafficService.Hit h : hits) {
                            g.writeStartObject();
                            g.writeStringField("service", h.service());
                            g.writeStringField("operation", h.operation());
                            g.writeStringField("caller", h.caller());
                            g.writeBooleanField("known", h.known());
                            g.writeNumberField("calls", h.calls());
                            g.writeStringField("lastSeen", h.lastSeen().toString());
                            g.writeArrayFieldStart("changes");
                            for (String c : h.changes()) {
                                g.writeString(c);
                            }
                            g.writeEndArray();
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    });
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
