package org.breakwater.traffic.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.App;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.traffic.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater traffic consumers}: who called a service, and what. */
@Command(name = "consumers", mixinStandardHelpOptions = true,
        description = "Who called the service, and what: per caller and operation, calls and first and last seen.")
final class TrafficConsumersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "the service whose callers to show, as named in the catalog")
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
                err.println("breakwater traffic consumers: " + app.catalog().unknownService(service));
                return ExitCode.INPUT_ERROR;
            }
            List<Usage> usages = app.traffic().usages(service, Optional.ofNullable(environment));
            if (json) {
                JsonOutput.print(out, g -> TrafficJson.usages(g, usages));
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
            List<org.breakwater.traffic.Crossings.Crossing> crossings = app.traffic().crossings(service);
            if (!crossings.isEmpty()) {
                out.println();
                out.println(crossings.size() + " caller(s) called across environments (a production host calling"
                        + " staging, or the reverse): breakwater traffic crossings " + service);
            }
            return ExitCode.OK;
        });
    }
}
