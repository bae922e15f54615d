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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater traffic crossings}: calls from one environment's hosts into another. */
@Command(name = "crossings", mixinStandardHelpOptions = true,
        description = {"Calls that crossed environments: a host the catalog places in one environment (its",
            "environments' hosts) calling the service in another — a production script still pointing",
            "at staging, or a staging host calling production."})
final class TrafficCrossingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "the service, as named in the catalog")
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
                err.println("breakwater traffic crossings: " + app.catalog().unknownService(service));
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
