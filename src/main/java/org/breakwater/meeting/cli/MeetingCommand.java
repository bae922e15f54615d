package org.breakwater.meeting.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.meeting.Meeting;
import org.breakwater.meeting.MeetingService;
import org.breakwater.meeting.MinutesLimits;
import org.breakwater.meeting.StoredItem;
import org.breakwater.meeting.fetch.MinutesFetcher;
import org.breakwater.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater meeting agenda|ingest|list|show|confirm|done}: the weekly meeting's loop (docs/meetings.md). */
@Command(name = "meeting", mixinStandardHelpOptions = true,
        description = {"The weekly meeting: the agenda out, MeetBot's minutes in.",
            "",
            "Minutes (MeetBot's text or HTML minutes, or its log) are read, each item",
            "matched to a plan or service by reference (BW-12), service name or plan title,",
            "and what they prove recorded on the plans: the meeting gate, the",
            "meeting-decision of a borderline service, freeze-break approvals. Ambiguous",
            "matches wait for `meeting confirm`; #action lines become follow-ups.",
            "",
            "Examples:",
            "  breakwater meeting agenda",
            "  breakwater meeting ingest infrastructure.2014-06-12-18.00.log.txt",
            "  breakwater meeting ingest https://meetbot.fedoraproject.org/.../infrastructure.2014-06-12-18.00.txt",
            "  breakwater meeting list",
            "  breakwater meeting show 3",
            "  breakwater meeting confirm 17 plan:2"},
        subcommands = {MeetingCommand.Ingest.class, MeetingCommand.ListMeetings.class, MeetingCommand.Show.class,
            MeetingCommand.Confirm.class, MeetingCommand.Done.class, AgendaCommand.class})
public final class MeetingCommand implements Runnable {
    /** How long fetching minutes by URL may take, in all. */
    static final Duration FETCH_TIME = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A meeting with its items and follow-ups, as JSON or as text. */
    static int printed(PrintWriter out, MeetingService.Shown shown, boolean json) {
        return JsonOutput.print(out, json, g -> MeetingJson.shown(g, shown), () -> MeetingText.print(out, shown));
    }

    @WritesStore
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Read a meeting's minutes and record what they prove.", "",
                "FILE is MeetBot's .txt or .html minutes, or its .log.txt or .log.html log;",
                "a URL is fetched only from a host in the policy's meeting.minutesHosts.",
                "The same minutes ingested twice are refused: nothing is recorded twice."})
    static final class Ingest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE|URL", description = "the minutes")
        String source;

        @Option(names = "--by", paramLabel = "USER", description = "who ingests them (default: $USER)")
        String by;

        @Option(names = "--json", description = "the meeting, its items and follow-ups as JSON")
        boolean json;

        @Mixin
        StoreAndPolicy options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return MeetingContext.run("meeting ingest", options, err, (meetings, p, app) ->
                    Outcomes.exit(err, "meeting ingest", read(p), minutes ->
                            Outcomes.exit(err, "meeting ingest", meetings.ingest(minutes.name(), minutes.bytes(),
                                    Users.or(by)), s -> printed(out, s, json))));
        }

        /** The minutes' bytes (one more than the limit at most) and their name: the file, or the URL fetched. */
        private Outcome<Minutes> read(Policy p) {
            if (MinutesFetcher.isUrl(source)) {
                MinutesFetcher.Fetched f = new MinutesFetcher(p.meeting().minutesHosts(),
                        MinutesLimits.DEFAULT.maxBytes(), FETCH_TIME).fetch(source);
                if (f instanceof MinutesFetcher.Fetched.Refused r) {
                    return Outcome.refused(r.reason());
                }
                MinutesFetcher.Fetched.Body body = (MinutesFetcher.Fetched.Body) f;
                return Outcome.done(new Minutes(body.url(), body.bytes()));
            }
            try (InputStream in = Files.newInputStream(Path.of(source))) {
                return Outcome.done(new Minutes(source, in.readNBytes(MinutesLimits.DEFAULT.maxBytes() + 1)));
            } catch (NoSuchFileException e) {
                return Outcome.refused(source + ": no such file");
            } catch (IOException e) {
                return Outcome.refused(source + ": cannot read it: " + e.getMessage());
            }
        }

        private record Minutes(String name, byte[] bytes) {
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The meetings ingested, newest first.")
    static final class ListMeetings implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "as JSON")
        boolean json;

        @Mixin
        StoreAndPolicy options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return MeetingContext.run("meeting list", options, spec.commandLine().getErr(), (meetings, p, app) -> {
                List<Meeting> all = meetings.list();
                List<StoredItem> pending = meetings.pending();
                return JsonOutput.print(out, json, g -> {
                    g.writeStartArray();
                    for (Meeting m : all) {
                        MeetingJson.meeting(g, m);
                    }
                    g.writeEndArray();
                }, () -> {
                    if (all.isEmpty()) {
                        out.println("No meetings ingested yet (breakwater meeting ingest FILE|URL)");
                    }
                    all.forEach(m -> out.println(MeetingText.heading(m)));
                    if (!pending.isEmpty()) {
                        out.println(pending.size() + " item(s) wait for a person to confirm: breakwater meeting show ID");
                    }
                });
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One meeting: every item with its line and what became of it, and its follow-ups.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "the meeting's number (meeting list)")
        long id;

        @Option(names = "--json", description = "as JSON")
        boolean json;

        @Mixin
        StoreAndPolicy options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return MeetingContext.run("meeting show", options, err, (meetings, p, app) -> {
                var shown = meetings.show(id);
                if (shown.isEmpty()) {
                    err.println("breakwater meeting show: no meeting " + id + " (breakwater meeting list)");
                    return ExitCode.INPUT_ERROR;
                }
                return printed(out, shown.get(), json);
            });
        }
    }

    @WritesStore
    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = {"Say what an ambiguous minutes item meant, and apply it.", "",
                "CHOICE is one of the item's candidates (plan:12 or BW-12, service:fedocal),",
                "or none: the item then records nothing."})
    static final class Confirm implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ITEM", description = "the item's number (meeting show)")
        long item;

        @Parameters(index = "1", paramLabel = "CHOICE", description = "plan:N, BW-N, service:NAME or none")
        String choice;

        @Option(names = "--by", paramLabel = "USER", description = "who confirms (default: $USER)")
        String by;

        @Mixin
        StoreAndPolicy options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return MeetingContext.run("meeting confirm", options, err, (meetings, p, app) ->
                    Outcomes.say(out, err, "meeting confirm", meetings.confirm(item, choice, Users.or(by)),
                            i -> "Item " + i.id() + " (" + i.source() + "): " + i.state().id() + ": " + i.outcome()));
        }
    }

    @WritesStore
    @Command(name = "done", mixinStandardHelpOptions = true, description = "Mark a follow-up (an #action line) done.")
    static final class Done implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FOLLOW-UP", description = "the follow-up's number (meeting show)")
        long id;

        @Option(names = "--by", paramLabel = "USER", description = "who did it (default: $USER)")
        String by;

        @Mixin
        StoreAndPolicy options;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return MeetingContext.run("meeting done", options, err, (meetings, p, app) -> Outcomes.say(
                    spec.commandLine().getOut(), err, "meeting done", meetings.followUpDone(id, Users.or(by)),
                    said -> said));
        }
    }

}
