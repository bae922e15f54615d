package org.breakwater.deployday.incident.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.App;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.deployday.detect.DetectionPolicy;
import org.breakwater.deployday.detect.Detector;
import org.breakwater.plan.Plan;
import org.breakwater.plan.store.JdbiPlanRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater incident detect}: the breakage detector, over the plans in progress or one plan after the fact. */
@WritesStore
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run the breakage detector over the stored traffic: every plan in progress or settling, or",
            "--plan ID whatever its status (logs read after the fact: each incident carries when it",
            "would have been detected). `traffic ingest --follow` runs it after each read by itself."})
final class IncidentDetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--plan", paramLabel = "ID", description = "judge this plan, whatever its status")
    Long plan;
    @Option(names = "--min-calls", paramLabel = "N", description = "calls after the cut-over before judging (default 5)")
    Long minCalls;
    @Option(names = "--error-ratio", paramLabel = "X", description = "share of calls failing (default 0.5)")
    Double errorRatio;
    @Option(names = "--rise", paramLabel = "X", description = "how far above the baseline's share (default 0.3)")
    Double rise;
    @Option(names = "--settling", paramLabel = "DURATION", description = "after the plan's end (default 2h)")
    String settling;
    @Option(names = "--json", description = "print JSON")
    boolean json;
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ErrorReporting.guarded("incident detect", err, () -> {
            DetectionPolicy d = DetectionPolicy.defaults();
            DetectionPolicy policy;
            try {
                Duration settle = settling == null ? d.settling() : Times.duration(settling).orElseThrow(() ->
                        new IllegalArgumentException("--settling: not a duration such as 2h or 90m: " + settling));
                policy = new DetectionPolicy(minCalls == null ? d.minCalls() : minCalls, errorRatio == null
                        ? d.errorRatio() : errorRatio, rise == null ? d.rise() : rise, d.baseline(), settle,
                        d.silentAfter());
            } catch (IllegalArgumentException e) {
                err.println("breakwater incident detect: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            App app = store.open(Clock.systemUTC());
            Detector detector = app.detector(policy);
            Detector.Run run;
            if (plan != null) {
                Optional<Plan> p = new JdbiPlanRepository(app.database().jdbi()).plan(plan);
                if (p.isEmpty()) {
                    err.println("breakwater incident detect: no plan " + plan);
                    return ExitCode.INPUT_ERROR;
                }
                run = detector.plan(p.get());
            } else {
                run = detector.active();
            }
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartObject();
                    g.writeFieldName("opened");
                    IncidentJson.list(g, run.opened());
                    g.writeFieldName("known");
                    IncidentJson.list(g, run.known());
                    g.writeArrayFieldStart("notes");
                    for (String n : run.notes()) {
                        g.writeString(n);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
                return ExitCode.OK;
            }
            run.notes().forEach(n -> err.println("note: " + n));
            if (!run.opened().isEmpty()) {
                out.println("Opened " + run.opened().size() + " incident(s):");
                IncidentCommand.table(out, run.opened());
            }
            if (run.opened().isEmpty()) {
                out.println("No new breakage" + (run.known().isEmpty() ? "." : "; " + run.known().size()
                        + " incident(s) opened before still stand."));
            }
            return ExitCode.OK;
        });
    }
}
