package org.breakwater.deployday.incident.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentEvent;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.IncidentStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater incident open|list|show|ack|assign|resolve|merge}: the deployment day's incidents. */
@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"The deployment day's incidents: opened by hand or by the breakage detector from live",
            "traffic (docs/deployment-day.md), acknowledged, assigned, resolved, duplicates merged.",
            "",
            "Examples:",
            "  breakwater incident open --service pkgdb --title 'bodhi cannot read ACLs' --severity major",
            "  breakwater incident list --active",
            "  breakwater incident ack 3 && breakwater incident assign 3 pingou",
            "  breakwater incident resolve 3 --note 'client 0.7 released'",
            "  breakwater incident merge 4 --into 3",
            "  breakwater incident detect --plan 1      # after the fact, on logs read later"},
        subcommands = {IncidentCommand.ListIncidents.class, IncidentCommand.Show.class, IncidentChanges.Open.class,
            IncidentChanges.Ack.class, IncidentChanges.Assign.class, IncidentChanges.Resolve.class,
            IncidentChanges.Merge.class, IncidentDetectCommand.class})
public final class IncidentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The table of {@code incident list}, also printed after a change. */
    static void table(PrintWriter out, List<Incident> incidents) {
        Table t = new Table("#", "STATUS", "SEVERITY", "SERVICE", "CONSUMER", "DETECTED", "ASSIGNEE", "TITLE");
        for (Incident i : incidents) {
            t.row(Long.toString(i.id()), i.status().id() + i.mergedInto().map(m -> " into #" + m).orElse(""),
                    i.severity().id(), i.service(), i.consumer().orElse("-"), Times.show(i.detectedAt()),
                    i.assignee().orElse("-"), i.title());
        }
        t.print(out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
    static final class ListIncidents implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--active", description = "only open and acknowledged ones")
        boolean active;
        @Option(names = "--status", paramLabel = "STATUS", description = "open, acknowledged, resolved or merged")
        String status;
        @Option(names = "--service", paramLabel = "SERVICE", description = "only this service's incidents")
        String service;
        @Option(names = "--plan", paramLabel = "ID", description = "only this plan's incidents")
        Long plan;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "at most N (default: ${DEFAULT-VALUE})")
        int limit;
        @Option(names = "--json", description = "print JSON")
        boolean json;
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<IncidentStatus> s = Optional.ofNullable(status).map(t -> IncidentStatus.parse(t).orElse(null));
            if (status != null && s.isEmpty() || limit < 1 || limit > 10_000) {
                err.println("breakwater incident list: " + (limit < 1 || limit > 10_000 ? "--limit must be 1 to 10000"
                        : "no status '" + status + "'; one of open, acknowledged, resolved, merged"));
                return ExitCode.INPUT_ERROR;
            }
            return store.run("incident list", err, app -> {
                List<Incident> list = app.incidents().list(new IncidentRepository.Filter(s, Optional.ofNullable(service),
                        Optional.ofNullable(plan), active), limit);
                return JsonOutput.print(out, json, g -> IncidentJson.list(g, list), () -> {
                    if (list.isEmpty()) {
                        out.println("No incidents.");
                    } else {
                        table(out, list);
                    }
                });
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an incident and its history.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "the incident's number")
        long id;
        @Option(names = "--json", description = "print JSON")
        boolean json;
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return store.run("incident show", err, app -> {
                Optional<Incident> found = app.incidents().incident(id);
                if (found.isEmpty()) {
                    err.println("breakwater incident show: no incident " + id);
                    return ExitCode.INPUT_ERROR;
                }
                List<IncidentEvent> events = app.incidents().events(id);
                return JsonOutput.print(out, json, g -> IncidentJson.show(g, found.get(), events),
                        () -> print(out, found.get(), events));
            });
        }

        static void print(PrintWriter out, Incident i, List<IncidentEvent> events) {
            out.println("Incident " + i.id() + ": " + i.title());
            out.println("  " + i.status().id() + i.mergedInto().map(m -> " into #" + m).orElse("") + ", "
                    + i.severity().id() + ", service " + i.service() + i.consumer().map(c -> ", consumer " + c).orElse("")
                    + i.operation().map(o -> ", operation " + o).orElse("") + i.planId().map(p -> ", plan " + p).orElse(""));
            out.println("  detected " + Times.show(i.detectedAt()) + ", recorded " + Times.show(i.recordedAt())
                    + " by " + i.openedBy());
            i.firstFailingAt().ifPresent(f -> out.println("  first failing call " + Times.show(f) + ", detected "
                    + Times.show(i.timeToDetect().orElseThrow()) + " later"));
            i.acknowledgedAt().ifPresent(t -> out.println("  acknowledged " + Times.show(t) + " by "
                    + i.acknowledgedBy().orElse("?")));
            i.assignee().ifPresent(a -> out.println("  assigned to " + a));
            i.resolvedAt().ifPresent(t -> out.println("  resolved " + Times.show(t) + " by " + i.resolvedBy().orElse("?")
                    + i.timeToRepair().map(d -> " (" + Times.show(d) + " after detection)").orElse("")));
            i.detail().ifPresent(d -> out.println("  " + d));
            i.links().forEach(l -> out.println("  " + l));
            out.println("History:");
            for (IncidentEvent e : events) {
                out.println("  " + Times.show(e.at()) + "  " + e.by() + "  " + e.action() + e.detail().map(d -> ": " + d)
                        .orElse(""));
            }
        }
    }
}
