package org.breakwater.meeting;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Service;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlannedRelease;

/**
 * The weekly meeting's use cases: ingest minutes (read, match, store, apply what they prove), list
 * and show meetings, confirm or reject ambiguous matches, close follow-ups. Start here;
 * docs/meetings.md explains the loop.
 */
public final class MeetingService {
    /** How many meetings a list shows at most. */
    public static final int LISTED = 200;

    private final MeetingRepository meetings;
    private final PlanService plans;
    private final CatalogService catalog;
    private final Clock clock;
    private final MinutesReader reader;
    private final MinutesApplier applier;

    public MeetingService(MeetingRepository meetings, PlanService plans, CatalogService catalog, Clock clock) {
        this.meetings = meetings;
        this.plans = plans;
        this.catalog = catalog;
        this.clock = clock;
        this.reader = new MinutesReader();
        this.applier = new MinutesApplier(plans);
    }

    /** A meeting with its items and follow-ups. */
    public record Shown(Meeting meeting, List<StoredItem> items, List<FollowUp> followUps) {
    }

    public PlanService plans() {
        return plans;
    }

    /**
     * Reads {@code bytes} (MeetBot's minutes in any of its formats), matches every item, stores the
     * meeting and applies what the matched items prove. Refused, with nothing stored, when the
     * minutes cannot be read or were ingested already (the same bytes, or the same meeting from
     * another of MeetBot's files).
     */
    public Outcome<Shown> ingest(String source, byte[] bytes, String by) {
        ReadResult read = reader.read(source, new ByteArrayInputStream(bytes));
        if (read instanceof ReadResult.Refused no) {
            return Outcome.refused(no.message(source));
        }
        Minutes minutes = ((ReadResult.Read) read).minutes();
        String hash = sha256(bytes);
        Optional<Meeting> again = meetings.byHash(hash).or(() -> meetings.same(minutes.date(), minutes.start(),
                minutes.title()));
        if (again.isPresent()) {
            return Outcome.refused(source + ": " + again.get().label() + " was ingested already from "
                    + again.get().source() + "; nothing recorded twice");
        }
        List<ItemMatch> matches = new MinutesMatcher().match(minutes, candidates());
        List<StoredItem> items = matches.stream().map(this::stored).toList();
        List<FollowUp> followUps = minutes.items(ItemKind.ACTION).stream().map(i -> new FollowUp(0, 0, i.line(), i.nick(),
                i.text(), planOf(minutes, i, matches), Optional.empty(), Optional.empty())).toList();
        Optional<Meeting> saved = meetings.save(Meeting.of(minutes, source, hash, by, clock.instant()), items, followUps);
        if (saved.isEmpty()) {
            return Outcome.refused(source + ": these minutes were ingested meanwhile; nothing recorded twice");
        }
        Meeting m = saved.get();
        List<Long> discussed = new ArrayList<>();
        for (StoredItem i : meetings.items(m.id())) {
            if (i.state() == ItemState.APPLIED) {
                MinutesApplier.Applied a = applier.apply(m, i, i.target().orElseThrow(),
                        i.decision().flatMap(DecisionCodes::decision), discussed);
                meetings.update(i.with(a.state(), i.target(), a.outcome()));
            }
        }
        return Outcome.done(show(m.id()).orElseThrow());
    }

    private StoredItem stored(ItemMatch match) {
        MinutesItem i = match.item();
        Optional<String> decision = Optional.empty();
        ItemState state = ItemState.UNMATCHED;
        Optional<String> target = Optional.empty();
        List<String> candidates = List.of();
        String outcome;
        if (match instanceof ItemMatch.Matched m) {
            decision = m.decision().map(DecisionCodes::code);
            target = Optional.of(DecisionCodes.code(m.target()));
            List<Plan> shipping = target.flatMap(DecisionCodes::service).filter(s -> m.decision().isEmpty())
                    .map(applier::shipping).orElse(List.of());
            if (shipping.size() > 1) {
                state = ItemState.PENDING;
                candidates = shipping.stream().map(p -> "plan:" + p.id()).toList();
                outcome = "names " + m.target().label() + ", which " + shipping.size() + " open plans ship: a person"
                        + " must pick the plan it was about";
                target = Optional.empty();
            } else {
                state = ItemState.APPLIED;
                outcome = "matched " + m.target().label();
            }
        } else if (match instanceof ItemMatch.Ambiguous a) {
            decision = a.decision().map(DecisionCodes::code);
            state = ItemState.PENDING;
            candidates = a.candidates().stream().map(DecisionCodes::code).toList();
            outcome = "ambiguous: a person must pick one of " + a.candidates().stream().map(Target::label)
                    .collect(Collectors.joining(", "));
        } else {
            outcome = "not matched: " + ((ItemMatch.Unmatched) match).reason();
        }
        return new StoredItem(0, 0, i.line(), i.kind(), i.nick(), i.time(), i.text(), state, target, candidates,
                decision, outcome, Optional.empty(), Optional.empty());
    }

    /** The plan an {@code #action} line names, else the plan its topic names (an action under "#topic … BW-3"). */
    private static Optional<Long> planOf(Minutes minutes, MinutesItem item, List<ItemMatch> matches) {
        Optional<MinutesItem> topic = minutes.items().stream().filter(i -> i.kind() == ItemKind.TOPIC
                && i.line() <= item.line()).reduce((a, b) -> b);
        return plan(item, matches).or(() -> topic.flatMap(t -> plan(t, matches)));
    }

    private static Optional<Long> plan(MinutesItem item, List<ItemMatch> matches) {
        return matches.stream().filter(m -> m.item().equals(item) && m instanceof ItemMatch.Matched)
                .map(m -> ((ItemMatch.Matched) m).target()).filter(t -> t instanceof Target.PlanTarget)
                .map(t -> ((Target.PlanTarget) t).plan().id()).findFirst();
    }

    private MatchCandidates candidates() {
        List<PlanCandidate> open = applier.openPlans().stream().map(p -> new PlanCandidate(p.id(), p.title(),
                p.releases().stream().map(PlannedRelease::service).toList())).toList();
        return new MatchCandidates(open, catalog.export().services().stream().map(Service::name).toList());
    }

    /**
     * A person says what an ambiguous item meant: {@code choice} is one of its candidates
     * ({@code plan:12}, {@code service:fedocal}, or {@code BW-12}), or {@code none}. Applied then,
     * as a matched item is; refused when the item is not pending or the choice is not a candidate.
     */
    public Outcome<StoredItem> confirm(long itemId, String choice, String by) {
        Optional<StoredItem> found = meetings.item(itemId);
        if (found.isEmpty()) {
            return Outcome.refused("no minutes item " + itemId + " (breakwater meeting show ID lists them)");
        }
        StoredItem item = found.get();
        if (item.state() != ItemState.PENDING) {
            return Outcome.refused("item " + itemId + " is " + item.state().id() + ", not waiting for a person");
        }
        String wanted = choice.strip().toUpperCase(java.util.Locale.ROOT).startsWith("BW-")
                ? "plan:" + choice.strip().substring(3) : choice.strip();
        if (wanted.equals("none")) {
            return meetings.decide(itemId, ItemState.REJECTED, Optional.empty(), "rejected by " + by + ": it means none"
                    + " of " + String.join(", ", item.candidates().stream().map(DecisionCodes::label).toList()), by,
                    clock.instant()) ? Outcome.done(meetings.item(itemId).orElseThrow()) : decidedMeanwhile(itemId);
        }
        if (!item.candidates().contains(wanted)) {
            return Outcome.refused("'" + choice + "' is not one of item " + itemId + "'s candidates: "
                    + String.join(", ", item.candidates()) + " (or none)");
        }
        if (!meetings.decide(itemId, ItemState.CONFIRMED, Optional.of(wanted), "confirmed by " + by, by, clock.instant())) {
            return decidedMeanwhile(itemId);
        }
        Meeting m = meetings.meeting(item.meetingId()).orElseThrow();
        List<Long> discussed = new ArrayList<>(meetings.items(m.id()).stream()
                .filter(i -> i.id() != itemId && i.outcome().contains("recorded meeting evidence on plan"))
                .flatMap(i -> i.target().flatMap(DecisionCodes::plan).stream()).toList());
        MinutesApplier.Applied a = applier.apply(m, item, wanted, item.decision().flatMap(DecisionCodes::decision),
                discussed);
        StoredItem done = meetings.item(itemId).orElseThrow();
        meetings.update(done.with(a.state() == ItemState.KEPT ? ItemState.KEPT : ItemState.CONFIRMED, Optional.of(wanted),
                "confirmed by " + by + ": " + a.outcome()));
        return Outcome.done(meetings.item(itemId).orElseThrow());
    }

    private static Outcome<StoredItem> decidedMeanwhile(long itemId) {
        return Outcome.refused("item " + itemId + " was decided by someone else meanwhile");
    }

    public List<Meeting> list() {
        return meetings.meetings(LISTED);
    }

    public Optional<Shown> show(long id) {
        return meetings.meeting(id).map(m -> new Shown(m, meetings.items(id), meetings.followUps(id)));
    }

    /** Items waiting for a person, oldest first. */
    public List<StoredItem> pending() {
        return meetings.pending();
    }

    /** Follow-ups not yet done; of one plan when {@code planId} is given. */
    public List<FollowUp> openFollowUps(Optional<Long> planId) {
        return meetings.openFollowUps().stream().filter(f -> planId.isEmpty() || f.planId().equals(planId)).toList();
    }

    public Outcome<String> followUpDone(long id, String by) {
        return meetings.followUpDone(id, by, clock.instant()) ? Outcome.done("follow-up " + id + " done")
                : Outcome.refused("no open follow-up " + id);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
