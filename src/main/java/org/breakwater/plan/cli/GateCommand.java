package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.cli.common.TimeConverter;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater gate record|waive}: evidence for a plan's gates, by hand. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Record evidence for a plan's gate, or waive it.",
            "",
            "Until Breakwater sends announcements and reads meeting minutes and test runs",
            "itself, record what proves each gate by hand: a link or a line. Gates:",
            "meeting-decision, api-break-notice, outage-notice, reminders, meeting,",
            "staging-candidate, staging-green, consumers-acknowledged, consumers-migrated,",
            "roster, freeze (docs/policy.md).",
            "",
            "Examples:",
            "  breakwater gate record 1 api-break-notice --evidence https://lists.../thread/XYZ",
            "  breakwater gate record 1 consumers-acknowledged --consumer faf-pkgdb-importer \\",
            "      --evidence 'mail from mtoman, 2014-06-10'",
            "  breakwater gate record 1 roster --evidence pingou --note firefighter",
            "  breakwater gate record 1 roster --evidence adamw --note contact:qa",
            "  breakwater gate record 3 meeting-decision --decision applies --evidence MINUTES",
            "  breakwater gate record 2 freeze --evidence 'freeze break #123' --by nirik",
            "  breakwater gate waive 1 staging-green --reason 'rube down' --approver nirik"},
        subcommands = {GateCommand.Record.class, GateCommand.Waive.class})
public final class GateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @WritesStore
    @Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Record evidence that satisfies (part of) a gate.", "",
                "A freeze-break approval is evidence on the freeze gate; each distinct",
                "--by counts as one approval."})
    static final class Record implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PLAN", description = "the plan's number")
        long plan;

        @Parameters(index = "1", paramLabel = "GATE", description = "the gate's id")
        String gate;

        @Option(names = "--evidence", required = true, paramLabel = "URL|TEXT", description = "what proves it")
        String evidence;

        @Option(names = "--consumer", paramLabel = "NAME", description = "for consumers-acknowledged and consumers-migrated")
        String consumer;

        @Option(names = "--note", paramLabel = "TEXT", description = "for roster: firefighter or contact:TEAM")
        String note;

        @Option(names = "--decision", paramLabel = "DECISION", description = "for meeting-decision: applies or exempt")
        String decision;

        @Option(names = "--by", paramLabel = "USER", description = "who (default: $USER)")
        String by;

        @Option(names = "--at", paramLabel = "TIME", converter = TimeConverter.class,
                description = "when it happened (default: now); TIME is " + Times.FORMS)
        Instant at;

        @Mixin
        StoreAndPolicy options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (consumer != null && note != null) {
                err.println("breakwater gate record: give --consumer or --note, not both");
                return ExitCode.INPUT_ERROR;
            }
            String who = Users.or(by);
            return PlanContext.run("gate record", options, err, plans -> Outcomes.say(out, err, "gate record",
                    plans.record(plan, gate, evidence, who, Optional.ofNullable(at),
                            Optional.ofNullable(consumer != null ? consumer : note), Optional.ofNullable(decision)),
                    e -> "Recorded on plan " + plan + ", gate " + gate + ": " + e.evidence() + " (by " + e.by() + ", "
                            + Times.show(e.at()) + ")"));
        }
    }

    @WritesStore
    @Command(name = "waive", mixinStandardHelpOptions = true,
            description = {"Set a gate aside, with a reason and an approver; it stays visible on the plan."})
    static final class Waive implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PLAN", description = "the plan's number")
        long plan;

        @Parameters(index = "1", paramLabel = "GATE", description = "the gate's id")
        String gate;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
        String reason;

        @Option(names = "--approver", required = true, paramLabel = "USER", description = "who approved it")
        String approver;

        @Mixin
        StoreAndPolicy options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return PlanContext.run("gate waive", options, err, plans -> Outcomes.say(out, err, "gate waive",
                    plans.waive(plan, gate, reason, approver),
                    done -> "Waived gate " + gate + " of plan " + plan + " (approved by " + approver + "): " + reason));
        }
    }
}
