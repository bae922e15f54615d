package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.calendar.Proposal;
import org.breakwater.calendar.Reason;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.cli.common.TimeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater plan propose PLAN}. */
@WritesStore
@Command(name = "propose", mixinStandardHelpOptions = true,
        description = {"Suggest the earliest start that satisfies every constraint, and why.",
            "",
            "Constraints: the notices' lead times (from when they went out, or from now),",
            "a weekly meeting before the date, the candidate's soak time in staging, no",
            "release freeze for freeze-sensitive services, a gap after each release, and",
            "business hours (docs/plans.md). --apply moves the plan there.",
            "",
            "Examples:",
            "  breakwater plan propose 2",
            "  breakwater plan propose 2 --not-before 2014-12-09 --apply"},
        footer = {"", "Exit codes: 0 a date was found; 1 none within a year; 2 usage error."})
final class PlanProposeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "the plan's number")
    long id;

    @Option(names = "--apply", description = "move the plan to the proposed start")
    boolean apply;

    @Option(names = "--not-before", paramLabel = "TIME", converter = TimeConverter.class,
            description = "start no earlier than this (default: now); TIME is " + Times.FORMS)
    java.time.Instant notBefore;

    @Option(names = "--json", description = "print the proposal as JSON")
    boolean json;

    @Mixin
    StoreAndPolicy options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<java.time.Instant> after = Optional.ofNullable(notBefore);
        Optional<java.time.Instant> from = after;
        return PlanContext.run("plan propose", options, err, plans -> {
            Outcome<Proposal> o = plans.propose(id, from);
            if (o instanceof Outcome.Refused<Proposal> r) {
                err.println("breakwater plan propose: " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            Proposal p = ((Outcome.Done<Proposal>) o).value();
            if (p instanceof Proposal.Impossible i) {
                if (json) {
                    JsonOutput.print(out, g -> {
                        g.writeStartObject();
                        g.writeNullField("start");
                        g.writeStringField("why", i.why());
                        g.writeEndObject();
                    });
                } else {
                    out.println("No start within a year satisfies every constraint: " + i.why());
                }
                return ExitCode.CHECK_FAILED;
            }
            Proposal.Found f = (Proposal.Found) p;
            if (apply) {
                Outcome<?> moved = plans.reschedule(id, f.start());
                if (moved instanceof Outcome.Refused<?> r) {
                    err.println("breakwater plan propose: " + r.reason());
                    return ExitCode.INPUT_ERROR;
                }
            }
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartObject();
                    g.writeStringField("start", f.start().toString());
                    g.writeBooleanField("applied", apply);
                    g.writeArrayFieldStart("reasons");
                    for (Reason r : f.reasons()) {
                        g.writeStartObject();
                        g.writeStringField("constraint", r.constraint());
                        g.writeBooleanField("moved", r.moved());
                        g.writeStringField("explanation", r.explanation());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
            } else {
                out.println("Earliest start: " + Times.show(f.start()) + (apply ? " (plan " + id + " moved there)" : ""));
                for (Reason r : f.reasons()) {
                    out.println("  " + (r.moved() ? "* " : "  ") + r.constraint() + ": " + r.explanation());
                }
                out.println("(* = this constraint pushed the date later)");
            }
            return ExitCode.OK;
        });
    }
}
