package org.breakwater.meeting.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.meeting.Agenda;
import org.breakwater.meeting.AgendaService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater meeting agenda}: what the next weekly meeting must discuss, and its mail. */
@WritesStore
@Command(name = "agenda", mixinStandardHelpOptions = true,
        description = {"The agenda of the next weekly meeting (policy meeting.weekly).", "",
            "Plans whose date must still be discussed (soonest first, overdue marked),",
            "borderline services to classify, freeze breaks to approve, waivers to",
            "ratify and open follow-ups, each with its reference (BW-12), and the",
            "#topic / #info lines to paste. --send queues the mail to meeting.list in",
            "the outbox once its time has come (meeting.agendaLead before the meeting),",
            "once per meeting; `announce deliver` or `serve` sends it."})
final class AgendaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "DATE", description = "the meeting on or after DATE (YYYY-MM-DD; default: the next)")
    String date;

    @Option(names = "--json", description = "as JSON")
    boolean json;

    @Option(names = "--send", description = "queue the agenda mail of the next meeting if it is due and not queued yet")
    boolean send;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "the sender, for the mail's Message-ID (default:"
            + " $BREAKWATER_MAIL_FROM, else breakwater@localhost)")
    String from;

    @Mixin
    StoreAndPolicy options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<LocalDate> day;
        try {
            day = Optional.ofNullable(date).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            err.println("breakwater meeting agenda: --date '" + date + "' is not a date; write it as YYYY-MM-DD");
            return ExitCode.INPUT_ERROR;
        }
        if (send && day.isPresent()) {
            err.println("breakwater meeting agenda: --send mails the next meeting's agenda; leave out --date");
            return ExitCode.INPUT_ERROR;
        }
        String sender = Optional.ofNullable(from).or(() -> Optional.ofNullable(System.getenv("BREAKWATER_MAIL_FROM")))
                .filter(s -> !s.isBlank()).orElse("breakwater@localhost");
        return MeetingContext.run("meeting agenda", options, err, (meetings, p, app) -> {
            AgendaService agendas = app.agenda(p, sender);
            if (send) {
                Outcome<String> o = agendas.queueMail();
                if (o instanceof Outcome.Refused<String> r) {
                    out.println("Not queued: " + r.reason());
                    return ExitCode.OK;
                }
                out.println("Queued: " + ((Outcome.Done<String>) o).value());
                return ExitCode.OK;
            }
            Agenda a = agendas.agenda(day);
            if (json) {
                JsonOutput.print(out, g -> AgendaJson.agenda(g, a));
            } else {
                out.print(a.text());
            }
            return ExitCode.OK;
        });
    }
}
