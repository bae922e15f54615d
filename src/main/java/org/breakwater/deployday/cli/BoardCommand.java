package org.breakwater.deployday.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.deployday.board.Board;
import org.breakwater.deployday.board.ChecklistStep;
import org.breakwater.deployday.board.DayIncident;
import org.breakwater.deployday.board.Tick;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater board}: the day's board of a plan, and ticking its checklist. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = {"The day's board of a plan: checklist, roster, incidents, rollback.",
            "",
            "Examples:",
            "  breakwater board show 1",
            "  breakwater board tick 1 pre-checks --note 'backups taken'"},
        footer = {"", "Exit codes: 0 done; 2 unknown plan or step, a step out of order or ticked already;",
            "3 internal error."},
        subcommands = {BoardCommand.Show.class, BoardCommand.TickCmd.class})
public final class BoardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a plan's board.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PLAN", description = "the plan's number")
        long plan;
        @Option(names = "--json", description = "print the board as JSON")
        boolean json;
        @Mixin
        DayOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return options.run("board show", err, day -> Outcomes.exit(err, "board show", day.board().board(plan),
                    b -> JsonOutput.print(out, json, g -> DayJson.board(g, b), () -> text(out, b))));
        }

        private static void text(PrintWriter out, Board b) {
            out.println("Plan " + b.plan().id() + ": " + b.plan().title() + " (" + b.plan().status().id() + ")");
            out.println("Checklist:");
            for (Board.Item i : b.checklist()) {
                out.println("  " + (i.tick().isPresent() ? "[x] " : "[ ] ") + i.step().id() + "  " + i.step().title()
                        + i.tick().map(t -> " — " + t.by() + " " + Times.show(t.at())
                                + t.note().map(n -> ": " + n).orElse(""))
                        .orElse(""));
            }
            out.println("Roster: " + b.roster().confirmed() + " of " + b.roster().lines().size() + " confirmed"
                    + (b.roster().gaps().isEmpty() ? "" : "; gaps: " + String.join("; ", b.roster().gaps())));
            out.println("Incidents: " + (b.incidents().isEmpty() ? "none" : ""));
            for (DayIncident i : b.incidents()) {
                out.println("  #" + i.id() + " " + i.severity() + " " + i.title() + (i.resolvedAt().isPresent()
                        ? " (resolved)" : ""));
            }
            rates(out, b.rates());
            out.println("Rollback: " + (b.rollback().possible() ? "possible, to " + String.join(", ",
                    b.rollback().steps().stream().map(s -> s.service() + " " + s.to()).toList())
                    : "not possible: " + String.join("; ", b.rollback().problems())));
        }
    }

    /** Per service, its cut-over and each consumer x operation's failing share before and since. */
    static void rates(PrintWriter out, org.breakwater.deployday.board.ErrorRates rates) {
        for (var s : rates.services()) {
            out.println("Error rates, " + s.service() + " " + s.version() + ": "
                    + s.cutOver().map(c -> "since " + Times.show(c))
                    .orElse("not deployed yet"));
            for (var r : s.rows()) {
                out.println("  " + r.consumer() + "  " + r.operation() + (r.removed() ? " (removed)" : "") + "  before "
                        + org.breakwater.deployday.board.ErrorRates.share(r.errorsBefore(), r.callsBefore()) + ", since "
                        + org.breakwater.deployday.board.ErrorRates.share(r.errorsAfter(), r.callsAfter())
                        + (r.failing() ? "  FAILING" : ""));
            }
            if (s.more() > 0) {
                out.println("  " + s.more() + " more (board show --json)");
            }
        }
    }

    @WritesStore
    @Command(name = "tick", mixinStandardHelpOptions = true,
            description = "Tick a checklist step, in order: pre-checks, started-notice, deploy, smoke-checks, done-notice.")
    static final class TickCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PLAN", description = "the plan's number")
        long plan;
        @Parameters(index = "1", paramLabel = "STEP", description = "the step")
        String step;
        @Option(names = "--by", paramLabel = "USER", description = "who did it (default: $USER)")
        String by;
        @Option(names = "--note", paramLabel = "TEXT", description = "a line: a link to the smoke run, the notice")
        String note;
        @Option(names = "--json", description = "print the tick as JSON")
        boolean json;
        @Mixin
        DayOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<ChecklistStep> s = ChecklistStep.parse(step);
            if (s.isEmpty()) {
                err.println("breakwater board tick: no step '" + step + "'; one of " + String.join(", ",
                        Arrays.stream(ChecklistStep.values()).map(ChecklistStep::id).toList()));
                return ExitCode.INPUT_ERROR;
            }
            return options.run("board tick", err, day -> Outcomes.exit(err, "board tick",
                    day.board().tick(plan, s.get(), Users.or(by), Optional.ofNullable(note)),
                    t -> JsonOutput.print(out, json, g -> DayJson.tick(g, t), () -> out.println("Ticked "
                            + t.step().id() + " of plan " + plan + " (" + t.by() + ", " + Times.show(t.at()) + ")"))));
        }
    }
}
