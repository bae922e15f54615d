package org.breakwater.deployday.roster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.calendar.CalendarEvent;
import org.breakwater.calendar.files.IcsWriter;
import org.breakwater.catalog.Person;
import org.breakwater.plan.Plan;

/** A roster invitation as an outbox mail: the role, the window in the person's own time, the link, the .ics. */
final class Invitation {
    private Invitation() {
    }

    static OutboxEntry mail(Plan plan, RosterMember m, Person p, String baseUrl, String token, String from,
                            Instant now) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String window = plan.start().toString().replace('T', ' ').replace("Z", " UTC") + " to "
                + plan.end().toString().replace('T', ' ').replace("Z", " UTC");
        String body = "Hello " + p.name() + ",\n\n"
                + "You are on the roster for \"" + plan.title() + "\" (" + plan.releaseLabel() + " to "
                + plan.environment() + ") as " + m.role().id() + m.team().map(t -> " for " + t).orElse("")
                + ": " + m.reason() + ".\n\n"
                + "When: " + window + "\n"
                + "Your time: " + DayHours.local(plan.start(), plan.end(), p.timezone()) + "\n"
                + DayHours.outside(plan.start(), plan.end(), p.timezone())
                .map(w -> "Note: the window " + w + ". Say so if you cannot be there.\n").orElse("")
                + "\nPlease confirm that you will be there to firefight:\n  " + base + "/roster/confirm?token=" + token
                + "\n(the link works once, until the window ends; or log in and confirm on " + base + "/plans/"
                + plan.id() + "/board)\n\nThe window is attached as a calendar entry (invite.ics).\n";
        String ics = IcsWriter.write("Deployment day", List.of(new CalendarEvent("plan-" + plan.id()
                + "-roster@breakwater", "Deployment day: " + plan.title(), plan.releaseLabel() + " to "
                + plan.environment() + "; you are " + m.role().id(), plan.start(), plan.end(),
                Optional.of(base + "/plans/" + plan.id() + "/board"))), now);
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "breakwater";
        return new OutboxEntry(0, OutboxEntry.Channel.MAIL, "<" + UUID.randomUUID() + "@" + domain + ">",
                Optional.empty(), p.email(), "Roster: " + plan.title() + " — please confirm", body, 0, now,
                OutboxEntry.State.PENDING, Optional.empty(), now, Optional.empty(), Optional.of(ics));
    }
}
