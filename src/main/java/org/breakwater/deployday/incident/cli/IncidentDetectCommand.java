package org.breakwater.deployday.incident.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreAndPolicy;
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
    @Option(names = "--min-calls", paramLabel = "N", description = "calls after the cut-over before judging"
            + " (default: the policy's detection.minCalls)")
    Long minCalls;
    @Option(names = "--error-ratio", paramLabel = "X", description = "share of calls failing (default: detection.errorRatio)")
    Double errorRatio;
    @Option(names = "--rise", paramLabel = "X", description = "how far above the baseline's share (default: detection.rise)")
    Double rise;
    @Option(names = "--settling", paramLabel = "DURATION", description = "after the plan's end (default: detection.settling)")
    String settling;
    @Option(names = "--silence", paramLabel = "DURATION", description = "no call this long after the cut-over is silent"
            + " (default: detection.silence)")
    String silence;
    @Option(names = "--json", description = "print JSON")
    boolean json;
    @Mixin
    StoreAndPolicy base;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            // the options' own values, refused before anything is read: a policy that reads has valid thresholds
            thresholds(DetectionPolicy.defaults());
        } catch (IllegalArgumentException e) {
            err.println("breakwater incident detect: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        return base.run("incident detect", err, (policy, app) -> {
            Detector detector = app.detector(thresholds(DetectionPolicy.of(policy.detection())));
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
                    JsonOutput.strings(g, "notes", run.notes());
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

    /** The policy's thresholds with the options given over them. */
    private DetectionPolicy thresholds(DetectionPolicy d) {
        return new DetectionPolicy(minCalls == null ? d.minCalls() : minCalls, errorRatio == null ? d.errorRatio()
                : errorRatio, rise == null ? d.rise() : rise, d.baseline(), duration("--settling", settling,
                d.settling()), duration("--silence", silence, d.silentAfter()));
    }

    private static Duration duration(String option, String text, Duration otherwise) {
        return text == null ? otherwise : Times.duration(text).orElseThrow(() -> new IllegalArgumentException(
                option + ": not a duration such as 2h or 90m: " + text));
    }
}
