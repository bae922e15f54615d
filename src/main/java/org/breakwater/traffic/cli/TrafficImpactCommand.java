package org.breakwater.traffic.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.breakwater.App;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.traffic.TrafficService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater traffic impact}: who still calls what a plan breaks. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Who really still calls what a plan's releases remove or break: every caller, known",
            "or not, seen in the plan's environment within the last --days, with counts and last seen."})
final class TrafficImpactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "the plan's number")
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
            java.util.Optional<org.breakwater.plan.PlanReport> found = PlanReports.load(app, policy, plan, "traffic impact", err);
            if (found.isEmpty()) {
                return ExitCode.INPUT_ERROR;
            }
            List<TrafficService.Hit> hits = app.traffic().impact(found.get(), java.time.Duration.ofDays(days),
                    java.time.Instant.now());
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
