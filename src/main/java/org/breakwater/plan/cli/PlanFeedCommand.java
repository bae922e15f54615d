package org.breakwater.plan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.breakwater.calendar.CalendarEvent;
import org.breakwater.calendar.files.IcsWriter;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.ReportFiles;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.policy.PolicyReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater plan feed}: the schedule of planned deployments as iCalendar. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"Write the planned deployments as an iCalendar feed a team calendar can subscribe to.",
            "The feed holds the plans scheduled, in progress and past; not drafts or cancelled ones."})
final class PlanFeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (default: standard output)")
    Path output;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return store.run("plan feed", err, app -> {
            List<CalendarEvent> events = app.plans(PolicyReader.defaults()).schedule(problem ->
                    err.println("breakwater plan feed: warning: " + problem));
            String ics = IcsWriter.write("Planned deployments", events, Instant.now());
            if (output == null) {
                out.print(ics);
                out.flush();
                return ExitCode.OK;
            }
            try {
                ReportFiles.writeAtomically(output, ics);
            } catch (IOException e) {
                err.println("breakwater plan feed: cannot write " + output + ": " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            out.println("Wrote " + events.size() + " planned deployments to " + output);
            return ExitCode.OK;
        });
    }
}
