package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.staging.Durations;
import org.breakwater.staging.StagingSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging suite add NAME ...}: register (or replace) a suite by hand. */
@WritesStore
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Register a suite (or replace one added by hand before).",
            "",
            "The command runs with /bin/sh -c in the folder given, and must write JUnit XML",
            "where --results says. Secrets are set apart: staging suite secret."},
        footer = {"", "Exit codes: 0 registered; 2 bad input (nothing stored); 3 internal error."})
final class SuiteAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the suite's name")
    String name;

    @Option(names = "--service", paramLabel = "SERVICE", required = true,
            description = "a service the suite covers (repeat)")
    List<String> services = new ArrayList<>();

    @Option(names = "--command", paramLabel = "COMMAND", required = true, description = "the shell command that runs it")
    String command;

    @Option(names = "--results", paramLabel = "GLOB", required = true,
            description = "where it writes JUnit XML, relative to the folder, e.g. 'reports/*.xml'")
    String results;

    @Option(names = "--workdir", paramLabel = "DIR", description = "the folder it runs in (default: the current one)")
    java.nio.file.Path workdir;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "an environment variable (repeat)")
    LinkedHashMap<String, String> env = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "killed with all it started after this long, e.g. 90s, 30m, 2h (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--display", paramLabel = "DISPLAY", defaultValue = "none",
            description = "virtual: run under xvfb-run -a (browser tests); default: ${DEFAULT-VALUE}")
    String display;

    @Option(names = "--environment", paramLabel = "ENV", defaultValue = "staging",
            description = "the environment it tests, whose versions each run records (default: ${DEFAULT-VALUE})")
    String environment;

    @Option(names = "--cron", paramLabel = "EXPR", defaultValue = StagingSuite.DAILY,
            description = "when serve runs it: minute hour day month weekday (default: '${DEFAULT-VALUE}', daily)")
    String cron;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "the zone the schedule is read in (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--identify", paramLabel = "RULE", defaultValue = "",
            description = "which calls in the environment's access logs are the suite's, so its runs feed coverage:"
                    + " userAgent:REGEX, address:CIDR, host:REGEX, consumer:NAME (e.g. 'userAgent:^rube/')")
    String identify;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> t = Durations.parse(timeout);
        Optional<StagingSuite.Display> d = StagingSuite.Display.parse(display);
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            err.println("breakwater staging suite add: unknown time zone '" + zone + "' (an IANA name such as Europe/Paris)");
            return ExitCode.INPUT_ERROR;
        }
        if (t.isEmpty() || d.isEmpty()) {
            err.println("breakwater staging suite add: " + (t.isEmpty() ? "--timeout is like 90s, 30m or 2h, not '"
                    + timeout + "'" : "--display is none or virtual, not '" + display + "'"));
            return ExitCode.INPUT_ERROR;
        }
        String folder = workdir == null ? "" : workdir.toAbsolutePath().normalize().toString();
        StagingSuite suite = new StagingSuite(name, services, command, folder, env, results, t.get(), d.get(),
                environment, cron, z, "cli", identify);
        return store.run("staging suite add", err, app -> {
            if (app.suites(org.breakwater.staging.SecretBox.NONE).suite(name).filter(s -> !s.origin().equals("cli"))
                    .isPresent()) {
                err.println("breakwater staging suite add: suite " + name + " comes from the catalog files; change it there");
                return ExitCode.INPUT_ERROR;
            }
            Outcome<StagingSuite> o = app.suites(org.breakwater.staging.SecretBox.NONE).add(suite);
            if (o instanceof Outcome.Refused<StagingSuite> r) {
                err.println("breakwater staging suite add: " + r.reason() + "; nothing was stored");
                return ExitCode.INPUT_ERROR;
            }
            out.println("Registered suite " + name + " (" + String.join(", ", services) + "), runs '" + cron + "' "
                    + z.getId());
            return ExitCode.OK;
        });
    }
}
