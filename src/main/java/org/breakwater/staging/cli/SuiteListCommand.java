package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.staging.Durations;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.SuiteService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater staging suite list}: the registered suites (secrets by name only). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered suites.")
final class SuiteListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return store.run("staging suite list", err, app -> {
            SuiteService suites = app.suites(SecretBox.NONE);
            List<StagingSuite> all = suites.suites();
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("suites");
                    for (StagingSuite s : all) {
                        SuiteJson.suite(g, s, suites.secretNames(s.name()), suites.nextDue(s.name()));
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
                return ExitCode.OK;
            }
            if (all.isEmpty()) {
                out.println("No suite is registered (staging suite add, or a suites: section in the catalog files).");
                return ExitCode.OK;
            }
            Table t = new Table("SUITE", "SERVICES", "SCHEDULE", "TIMEOUT", "DISPLAY", "SECRETS", "FROM");
            for (StagingSuite s : all) {
                t.row(s.name(), String.join(", ", s.services()), s.cron() + " " + s.zone().getId(),
                        Durations.show(s.timeout()), s.display().id(), String.join(", ", suites.secretNames(s.name())),
                        s.origin());
            }
            t.print(out);
            return ExitCode.OK;
        });
    }
}
