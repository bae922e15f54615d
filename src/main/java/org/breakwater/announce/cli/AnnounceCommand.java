package org.breakwater.announce.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.Courier;
import org.breakwater.announce.Kind;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.announce.bus.BusCourier;
import org.breakwater.announce.mail.FolderCourier;
import org.breakwater.announce.mail.MailSettings;
import org.breakwater.announce.mail.SmtpCourier;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater announce draft|show|edit|send|list|deliver}: a plan's notices, from draft to mailbox. */
@Command(name = "announce", mixinStandardHelpOptions = true,
        description = {"Write, check, send and deliver a plan's announcements.",
            "",
            "Kinds: outage-notice, api-break-notice, call-for-testing, reminder, started, done,",
            "rolled-back, consumer-notice (one direct mail per affected consumer, naming only the",
            "operations it uses). Drafts come from the plan's assessment and the templates",
            "(docs/announcements.md); edit them, then send: sending queues the mail in the",
            "outbox, and `deliver` (or a running `serve` with --smtp-host) hands it to the SMTP",
            "server, once, retrying while the server is down. A sent notice is its gate's",
            "evidence (outage-notice, api-break-notice, reminders).",
            "",
            "Examples:",
            "  breakwater announce draft 1 api-break-notice --notes-file porting.txt",
            "  breakwater announce show 4",
            "  breakwater announce edit 4 --subject 'pkgdb2: API-breaking update on 2014-06-16'",
            "  breakwater announce send 4",
            "  breakwater announce approve-reminders 1      # Breakwater sends each reminder when due",
            "  breakwater announce deliver --smtp-host smtp.example.org --smtp-user breakwater",
            "  breakwater announce deliver --dry-run outgoing/      # write .eml files instead",
            "  BREAKWATER_BUS_URL=amqps://breakwater:PASSWORD@bus.example.org/%%2F breakwater announce deliver ..."},
        subcommands = {AnnounceCommand.DraftCmd.class, AnnounceCommand.Show.class, AnnounceCommand.Edit.class,
            AnnounceCommand.Send.class, AnnounceCommand.ListCmd.class, AnnounceCommand.Deliver.class,
            AnnounceCommand.ApproveReminders.class})
public final class AnnounceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(PrintWriter out, Announcement a, boolean full) {
        out.println("Announcement " + a.id() + " (" + a.kind().id() + a.consumer().map(c -> " for " + c).orElse("")
                + ", plan " + a.planId() + ") [" + a.status().id() + "]" + a.messageId().map(m -> " " + m).orElse(""));
        out.println("To: " + String.join(", ", a.to()));
        out.println("Subject: " + a.subject());
        if (full) {
            out.println();
            out.print(a.body().endsWith("\n") ? a.body() : a.body() + "\n");
        }
    }

    static void json(JsonGenerator g, List<Announcement> list) throws IOException {
        g.writeStartArray();
        for (Announcement a : list) {
            g.writeStartObject();
            g.writeNumberField("id", a.id());
            g.writeNumberField("plan", a.planId());
            g.writeStringField("kind", a.kind().id());
            JsonOutput.optional(g, "consumer", a.consumer());
            g.writeStringField("status", a.status().id());
            JsonOutput.strings(g, "to", a.to());
            g.writeStringField("subject", a.subject());
            g.writeStringField("body", a.body());
            JsonOutput.optional(g, "messageId", a.messageId());
            JsonOutput.optional(g, "sentAt", a.sentAt().map(Object::toString));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @WritesStore
    @Command(name = "draft", mixinStandardHelpOptions = true, description = "Write a plan's announcements of one kind as drafts.")
    static final class DraftCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PLAN", description = "the plan's number")
        long plan;

        @Parameters(index = "1", paramLabel = "KIND", description = "outage-notice, api-break-notice, call-for-testing,"
                + " reminder, started, done, rolled-back or consumer-notice")
        String kind;

        @Option(names = "--notes-file", paramLabel = "FILE", description = "migration notes for the API-break notice")
        Path notes;

        @Option(names = "--lead", paramLabel = "SPAN", description = "a reminder's lead time, e.g. 3d (default: the time left)")
        String lead;

        @Option(names = "--json", description = "print the drafts as JSON")
        boolean asJson;

        @Mixin
        AnnounceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Kind> k = Kind.parse(kind);
            if (k.isEmpty()) {
                err.println("breakwater announce draft: no kind '" + kind + "'; one of " + String.join(", ",
                        Arrays.stream(Kind.values()).map(Kind::id).toList()));
                return ExitCode.INPUT_ERROR;
            }
            Optional<java.time.Duration> span = Optional.empty();
            if (lead != null) {
                span = Times.duration(lead);
                if (span.isEmpty()) {
                    err.println("breakwater announce draft: --lead '" + lead + "' is not a span; write it as 3d or 24h");
                    return ExitCode.INPUT_ERROR;
                }
            }
            Optional<String> migration = Optional.empty();
            if (notes != null) {
                try {
                    migration = Optional.of(Files.readString(notes, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.println("breakwater announce draft: " + notes + ": cannot be read: " + e.getMessage());
                    return ExitCode.INPUT_ERROR;
                }
            }
            Optional<String> m = migration;
            Optional<java.time.Duration> l = span;
            String by = Users.current();
            return options.run("announce draft", err, s -> Outcomes.exit(err, "announce draft",
                    s.draft(plan, k.get(), m, l, by),
                    made -> JsonOutput.print(out, asJson, g -> json(g, made), () -> drafted(out, made))));
        }

        private static void drafted(PrintWriter out, List<Announcement> made) {
            for (Announcement a : made) {
                print(out, a, made.size() == 1);
            }
            out.println(made.size() == 1 ? "Draft " + made.get(0).id() + " written; check it (announce show),"
                    + " change it (announce edit), then: breakwater announce send " + made.get(0).id()
                    : made.size() + " drafts written; send each with: breakwater announce send ID");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an announcement as it will be mailed.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the announcement's number (see `announce list`)")
        long id;

        @Option(names = "--json", description = "print it as JSON")
        boolean asJson;

        @Mixin
        AnnounceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return options.run("announce show", err, s -> {
                Optional<Announcement> a = s.announcement(id);
                if (a.isEmpty()) {
                    err.println("breakwater announce show: no announcement " + id);
                    return ExitCode.INPUT_ERROR;
                }
                return JsonOutput.print(out, asJson, g -> json(g, List.of(a.get())), () -> print(out, a.get(), true));
            });
        }
    }

    @WritesStore
    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a draft's recipients, subject or body.")
    static final class Edit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the draft's number (see `announce list`)")
        long id;

        @Option(names = "--subject", paramLabel = "TEXT", description = "the new subject line")
        String subject;

        @Option(names = "--to", paramLabel = "ADDRESS", split = ",", description = "the recipients (comma-separated;"
                + " only addresses the catalog or the policy names)")
        List<String> to;

        @Option(names = "--body-file", paramLabel = "FILE", description = "the new body ('-' for standard input)")
        Path body;

        @Mixin
        AnnounceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> text = Optional.empty();
            if (body != null) {
                try {
                    text = Optional.of(body.toString().equals("-")
                            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                            : Files.readString(body, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.println("breakwater announce edit: " + body + ": cannot be read: " + e.getMessage());
                    return ExitCode.INPUT_ERROR;
                }
            }
            Optional<String> b = text;
            String by = Users.current();
            return options.run("announce edit", err, s -> Outcomes.exit(err, "announce edit",
                    s.edit(id, Optional.ofNullable(to), Optional.ofNullable(subject), b, by), a -> {
                        print(out, a, false);
                        return ExitCode.OK;
                    }));
        }
    }

    @WritesStore
    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Send a draft: its mail enters the outbox, to be delivered once.",
                "Nothing is sent without this."})
    static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the draft's number (see `announce list`)")
        long id;

        @Mixin
        AnnounceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String by = Users.current();
            Optional<String> sender = options.senderProblem();
            if (sender.isPresent()) {
                err.println("breakwater announce send: " + sender.get());
                return ExitCode.INPUT_ERROR;
            }
            return options.run("announce send", err, s -> Outcomes.say(out, err, "announce send", s.send(id, by),
                    a -> "Announcement " + id + " queued as " + a.messageId().orElse("?") + " to "
                            + String.join(", ", a.to())
                            + "; `breakwater announce deliver` (or a running server) sends it."));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List announcements, or the outbox.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "only this plan's")
        Long plan;

        @Option(names = "--outbox", description = "list the outbox: what is still to deliver, and what went")
        boolean outbox;

        @Option(names = "--json", description = "print JSON")
        boolean asJson;

        @Mixin
        AnnounceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return options.run("announce list", err, s -> {
                if (outbox) {
                    Table t = new Table("ID", "CHANNEL", "STATE", "TRIES", "NEXT/SENT", "MESSAGE-ID", "TO", "LAST ERROR");
                    for (OutboxEntry e : s.outbox(200)) {
                        t.row(Long.toString(e.id()), e.channel().id(), e.state().id(), Integer.toString(e.attempts()),
                                Times.show(e.sentAt().orElse(e.nextAttemptAt())), e.messageId(), e.destination(),
                                e.lastError().orElse("-"));
                    }
                    t.print(out);
                    return ExitCode.OK;
                }
                List<Announcement> list = s.list(Optional.ofNullable(plan));
                return JsonOutput.print(out, asJson, g -> json(g, list), () -> table(out, list));
            });
        }

        private static void table(PrintWriter out, List<Announcement> list) {
            Table t = new Table("ID", "PLAN", "KIND", "STATUS", "SENT", "SUBJECT");
            for (Announcement a : list) {
                t.row(Long.toString(a.id()), Long.toString(a.planId()), a.kind().id() + a.consumer().map(c -> " (" + c + ")")
                        .orElse(""), a.status().id(), a.sentAt().map(Times::show).orElse("-"), a.subject());
            }
            t.print(out);
        }
    }

    @WritesStore
    @Command(name = "deliver", mixinStandardHelpOptions = true,
            description = {"Deliver what the outbox holds, once: through SMTP, or into a folder with --dry-run.",
                "Exit code 1 when some mail could not go, in this round or an earlier one, and waits to be",
                "retried (with back-off): the summary says how many wait and when the next is due.",
                "Mail goes out only with a sender (--from or $BREAKWATER_MAIL_FROM), except with --dry-run."})
    static final class Deliver implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dry-run", paramLabel = "DIR", description = "write each mail as DIR/MESSAGE-ID.eml instead of sending")
        Path dryRun;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "500", description = "at most N this round (default: ${DEFAULT-VALUE})")
        int limit;

        @Mixin
        MailOptions mail;

        @Mixin
        BusOptions bus;

        @Mixin
        AnnounceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<BusCourier> events;
            try {
                events = bus.settings().map(BusCourier::new);
            } catch (IllegalArgumentException e) {
                err.println("breakwater announce deliver: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            Courier courier;
            if (dryRun != null) {
                courier = new FolderCourier(dryRun, options.sender());
            } else {
                Optional<MailSettings> settings;
                try {
                    settings = mail.settings(options.sender());
                } catch (IllegalArgumentException e) {
                    err.println("breakwater announce deliver: " + e.getMessage());
                    return ExitCode.INPUT_ERROR;
                }
                if (settings.isEmpty()) {
                    err.println("breakwater announce deliver: where to? Give --smtp-host (or $BREAKWATER_SMTP_HOST),"
                            + " or --dry-run DIR to write the mails to a folder");
                    return ExitCode.INPUT_ERROR;
                }
                Optional<String> sender = options.senderProblem();
                if (sender.isPresent()) {
                    err.println("breakwater announce deliver: " + sender.get());
                    return ExitCode.INPUT_ERROR;
                }
                courier = new SmtpCourier(settings.get());
            }
            Courier c = courier;
            Map<OutboxEntry.Channel, Courier> couriers = new java.util.EnumMap<>(OutboxEntry.Channel.class);
            couriers.put(OutboxEntry.Channel.MAIL, c);
            events.ifPresent(b -> couriers.put(OutboxEntry.Channel.BUS, b));
            try {
                return options.run("announce deliver", err, s -> {
                    AnnounceService.Delivery d = s.deliver(couriers, limit);
                    out.println("Delivered " + d.delivered() + " message(s) to " + String.join(" and ",
                            couriers.values().stream().map(Courier::describe).toList()) + waiting(d) + ".");
                    if (d.failed() > 0) {
                        out.println(d.failed() + " could not go this time and will be retried:");
                    }
                    d.errors().forEach(e -> out.println("  " + e));
                    return d.failed() > 0 || d.waiting() > 0 ? ExitCode.CHECK_FAILED : ExitCode.OK;
                });
            } finally {
                events.ifPresent(BusCourier::close);
            }
        }
    }

    /** "; 3 waiting to retry, next at 2026-12-04 21:42 UTC", or nothing when none waits. */
    static String waiting(AnnounceService.Delivery d) {
        if (d.waiting() == 0) {
            return "";
        }
        return "; " + d.waiting() + " waiting to retry" + d.nextRetry().map(t -> ", next at " + Times.show(t))
                .orElse("");
    }

    @WritesStore
    @Command(name = "approve-reminders", mixinStandardHelpOptions = true,
            description = {"Approve a plan's reminders ahead (its owner or an admin): each reminder the policy asks",
                "for is then written and sent by Breakwater when its lead time comes, in your name."})
    static final class ApproveReminders implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PLAN", description = "the plan's number")
        long plan;

        @Mixin
        AnnounceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String by = Users.current();
            return options.run("announce approve-reminders", err, s -> Outcomes.say(out, err,
                    "announce approve-reminders", s.approveReminders(plan, by),
                    approved -> "Approved: " + approved
                            + " (by `announce deliver` or a running server with mail settings)."));
        }
    }
}
