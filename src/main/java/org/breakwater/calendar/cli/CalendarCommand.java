package org.breakwater.calendar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.calendar.Classifier;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.breakwater.calendar.files.CalendarException;

import org.breakwater.calendar.files.CalendarYaml;
import org.breakwater.calendar.files.IcsReader;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.cli.common.TimeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater calendar import|show|feed}: releases, freezes and the deployment schedule. */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = {"The release calendar: releases and freeze windows.",
            "",
            "Examples:",
            "  breakwater calendar import fedora-21-schedule.ics",
            "  breakwater calendar import freezes.yaml",
            "  breakwater calendar show --from 2014-11-01 --to 2015-01-31",
            "The planned deployments as a feed: breakwater plan feed"},
        subcommands = {CalendarCommand.Import.class, CalendarCommand.Show.class})
public final class CalendarCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @WritesStore
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import releases and freezes from an .ics file or a YAML calendar (docs/plans.md).",
                "An .ics file is read as a community calendar exports it: events whose summary says",
                "'freeze' are freezes; 'release', 'GA' or 'launch' releases; others are",
                "skipped (--kind takes every event as one kind). Importing a file again",
                "replaces what it brought before."})
    static final class Import implements Callable<Integer> {
        /** The reader's warning as "FILE[:LINE]: warning: WHAT": it names the file (and line) itself. */
        static String warning(String warning, String file) {
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(file) + "(:\\d+)?: ")
                    .matcher(warning);
            return at.lookingAt() ? at.group().strip() + " warning: " + warning.substring(at.end())
                    : file + ": warning: " + warning;
        }

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "an .ics or .yaml file")
        Path file;

        @Option(names = "--kind", paramLabel = "KIND", description = "take every event as a freeze or a release")
        String kind;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("breakwater calendar import: " + file + ": cannot be read: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            Optional<WindowKind> forced = Optional.empty();
            if (kind != null) {
                forced = java.util.Arrays.stream(WindowKind.values())
                        .filter(k -> k.name().equalsIgnoreCase(kind)).findFirst();
                if (forced.isEmpty()) {
                    err.println("breakwater calendar import: --kind is freeze or release, not '" + kind + "'");
                    return ExitCode.INPUT_ERROR;
                }
            }
            ReleaseCalendar read;
            List<String> warnings = new ArrayList<>();
            try {
                if (text.stripLeading().startsWith("BEGIN:VCALENDAR") || file.toString().toLowerCase(Locale.ROOT).endsWith(".ics")) {
                    var parsed = IcsReader.read(text, file.toString(),
                            forced.map(Classifier::everything).orElse(Classifier.defaults()),
                            Instant.now().plus(Duration.ofDays(2 * 366)));
                    read = new ReleaseCalendar(parsed.windows(), List.of());
                    warnings.addAll(parsed.warnings());
                } else {
                    read = CalendarYaml.read(text, file.toString());
                }
            } catch (CalendarException e) {
                e.problems().forEach(p -> err.println(p));
                err.println("breakwater calendar import: " + file + " does not read; nothing was imported");
                return ExitCode.INPUT_ERROR;
            }
            for (var r : read.recurring()) {
                if (tooFrequent(r)) {
                    err.println("breakwater calendar import: " + file + ": the recurring window '" + r.name() + "' ("
                            + r.cron() + ") opens more than " + MAX_PER_YEAR + " times a year; a release calendar"
                            + " needs far fewer (nothing was imported)");
                    return ExitCode.INPUT_ERROR;
                }
            }
            ReleaseCalendar calendar = read;
            return store.run("calendar import", err, app -> {
                app.calendar().replace(file.getFileName().toString(), calendar.windows(), calendar.recurring());
                warnings.forEach(w -> err.println(warning(w, file.toString())));
                long freezes = calendar.windows().stream().filter(w -> w.kind() == WindowKind.FREEZE).count();
                out.println("Imported " + file + ": " + freezes + " freezes, " + (calendar.windows().size() - freezes)
                        + " releases, " + calendar.recurring().size() + " recurring windows");
                return ExitCode.OK;
            });
        }
    }

    /** More than this many openings a year is a mistake (every minute, every hour), not a calendar. */
    static final int MAX_PER_YEAR = 400;

    static boolean tooFrequent(org.breakwater.calendar.RecurringWindow r) {
        Instant t = Instant.now();
        Instant end = t.plus(Duration.ofDays(366));
        for (int i = 0; i <= MAX_PER_YEAR; i++) {
            Optional<Instant> next = r.schedule().next(t);
            if (next.isEmpty() || next.get().isAfter(end)) {
                return false;
            }
            t = next.get();
        }
        return true;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show the releases and freezes between two dates (default: the next 90 days)."})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
                description = "from (default: now); TIME is " + Times.FORMS)
        Instant from;

        @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
                description = "to (default: 90 days after --from)")
        Instant to;

        @Option(names = "--json", description = "print the windows as JSON")
        boolean json;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Instant> a = Optional.of(from == null ? Instant.now() : from);
            Optional<Instant> b = Optional.of(to == null ? a.get().plus(Duration.ofDays(90)) : to);
            if (b.isEmpty() || !b.get().isAfter(a.get())) {
                err.println("breakwater calendar show: --to must be a date after --from");
                return ExitCode.INPUT_ERROR;
            }
            return ErrorReporting.guarded("calendar show", err, () -> {
                List<Window> windows = store.open(Clock.systemUTC()).calendar().load().between(a.get(), b.get());
                if (json) {
                    JsonOutput.print(out, g -> {
                        g.writeStartArray();
                        for (Window w : windows) {
                            g.writeStartObject();
                            g.writeStringField("name", w.name());
                            g.writeStringField("kind", w.kind().name().toLowerCase(Locale.ROOT));
                            g.writeStringField("start", w.start().toString());
                            g.writeStringField("end", w.end().toString());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    });
                    return ExitCode.OK;
                }
                if (windows.isEmpty()) {
                    out.println("No releases or freezes between " + Times.show(a.get()) + " and " + Times.show(b.get())
                            + " (breakwater calendar import FILE).");
                    return ExitCode.OK;
                }
                Table t = new Table("KIND", "FROM", "TO", "NAME");
                windows.forEach(w -> t.row(w.kind().name().toLowerCase(Locale.ROOT), Times.show(w.start()),
                        Times.show(w.end()), w.name()));
                t.print(out);
                return ExitCode.OK;
            });
        }
    }
}
