package org.breakwater.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.policy.Policy;

/**
 * The agenda of the next weekly meeting (docs/meetings.md, "Agenda out"), from the open plans'
 * gates and the follow-ups still open; and its mail to the team's list, queued in the outbox once
 * per occurrence, {@code meeting.agendaLead} ahead.
 */
public final class AgendaService {
    private final PlanService plans;
    private final MeetingRepository meetings;
    private final AnnounceRepository outbox;
    private final Policy.MeetingRule rule;
    private final String from;
    private final Clock clock;
    private final java.util.function.Supplier<List<Agenda.Item>> incidents;

    /** {@code incidents} lists the open incidents as agenda items (they live in another feature). */
    public AgendaService(PlanService plans, MeetingRepository meetings, AnnounceRepository outbox, String from,
                         Clock clock, java.util.function.Supplier<List<Agenda.Item>> incidents) {
        this.incidents = incidents;
        this.plans = plans;
        this.meetings = meetings;
        this.outbox = outbox;
        this.rule = plans.policy().meeting();
        this.from = from;
        this.clock = clock;
    }

    /** The agenda of the next occurrence, or of the first on or after {@code day}. */
    public Agenda agenda(Optional<LocalDate> day) {
        ZonedDateTime when = day.map(d -> Occurrences.on(rule, d)).orElseGet(() -> Occurrences.next(rule, clock.instant()));
        List<Agenda.Item> items = new ArrayList<>();
        List<Plan> open = plans.list(Optional.empty()).stream().filter(p -> p.status().open())
                .sorted(Comparator.comparing(Plan::start).thenComparing(Plan::id)).toList();
        for (Plan p : open) {
            if (plans.report(p.id()) instanceof Outcome.Done<PlanReport> r) {
                items.addAll(items(r.value(), when.toInstant()));
            }
        }
        items.addAll(incidents.get());
        for (FollowUp f : meetings.openFollowUps()) {
            String where = meetings.meeting(f.meetingId()).map(m -> "from the meeting of " + m.date()).orElse("")
                    + ", line " + f.line() + " (" + f.nick() + "); done: breakwater meeting done " + f.id();
            items.add(new Agenda.Item(f.planId().map(id -> "BW-" + id).orElse("FU-" + f.id()), Agenda.Kind.FOLLOW_UP,
                    f.text(), where.startsWith(",") ? where.substring(2) : where, false));
        }
        items.sort(Comparator.comparing(Agenda.Item::kind));
        return new Agenda(when, rule.channel(), items);
    }

    private static List<Agenda.Item> items(PlanReport r, Instant meeting) {
        Plan p = r.plan();
        String ref = "BW-" + p.id();
        boolean late = p.start().isBefore(meeting);
        String starts = "starts " + p.start().atZone(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ')
                + " UTC";
        List<Agenda.Item> out = new ArrayList<>();
        for (Gate g : r.gates()) {
            boolean open = g.state() == GateState.PENDING || g.state() == GateState.FAILED;
            boolean overdue = g.state() == GateState.FAILED || late;
            if (open && g.id().equals("meeting")) {
                out.add(new Agenda.Item(ref, Agenda.Kind.PLAN_DATE, p.title(), starts + "; " + g.detail(), overdue));
            } else if (open && g.id().equals("meeting-decision")) {
                String why = r.assessment().verdict().reason();
                why = why.contains(" (record it") ? why.substring(0, why.indexOf(" (record it")) : why;
                out.add(new Agenda.Item(ref, Agenda.Kind.CLASSIFY, p.title(), why
                        + "; write: #agreed SERVICE is essential | SERVICE is not essential", overdue));
            } else if (open && g.id().equals("freeze")) {
                out.add(new Agenda.Item(ref, Agenda.Kind.FREEZE_BREAK, p.title(), starts + "; " + g.detail()
                        + "; write: #agreed freeze break approved for " + ref, overdue));
            } else if (g.state() == GateState.WAIVED && g.waiver().isPresent()) {
                out.add(new Agenda.Item(ref, Agenda.Kind.WAIVER, p.title() + ": gate " + g.id(), "waived by "
                        + g.waiver().get().approver() + ": " + g.waiver().get().reason(), false));
            }
        }
        return out;
    }

    /**
     * Queues the agenda mail of the next occurrence when its time has come ({@code meeting.agendaLead}
     * before it) and it was not queued before: exactly once per occurrence, however often this runs
     * and on however many instances.
     */
    public Outcome<String> queueMail() {
        Instant now = clock.instant();
        ZonedDateTime next = Occurrences.next(rule, now);
        if (rule.list().isEmpty()) {
            return Outcome.refused("the policy names no list for the meeting (meeting.list): no agenda mail");
        }
        if (now.isBefore(next.toInstant().minus(rule.agendaLead()))) {
            return Outcome.refused("the agenda of " + next.toLocalDate() + " goes out " + rule.agendaLead().toHours()
                    + " h before the meeting, at " + next.toInstant().minus(rule.agendaLead()));
        }
        String host = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "breakwater";
        String id = "<breakwater.agenda-" + next.toLocalDate() + "." + UUID.randomUUID().toString().substring(0, 12)
                + "@" + host + ">";
        if (!meetings.claimAgenda(next.toInstant().toString(), id, now)) {
            return Outcome.refused("the agenda of " + next.toLocalDate() + " was queued already");
        }
        Agenda agenda = agenda(Optional.of(next.toLocalDate())); // only once claimed: serve asks every few seconds
        outbox.enqueue(new OutboxEntry(0, OutboxEntry.Channel.MAIL, id, Optional.empty(), rule.list().get(),
                "Meeting agenda: " + agenda.when() + agenda.channel().map(c -> " in " + c).orElse(""), agenda.text(),
                0, now, OutboxEntry.State.PENDING, Optional.empty(), now, Optional.empty()));
        return Outcome.done("the agenda of " + agenda.when() + " is queued for " + rule.list().get() + " (" + id + ")");
    }
}
