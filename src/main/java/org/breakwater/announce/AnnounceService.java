package org.breakwater.announce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Team;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.policy.Policy;

/**
 * Announcements' use cases: draft them from a plan, edit a draft, send it, and deliver what
 * the outbox holds. Start here (docs/announcements.md).
 *
 * <p>Sending never happens by itself: {@link #send} is an authorised user's explicit act, and
 * only queues the mail — it enters the outbox in the same transaction that marks the
 * announcement queued, with a Message-ID fixed from the announcement and its recipients.
 * {@link #deliver} hands due entries to their couriers, marks each sent as soon as it is
 * handed over, and retries failures with back-off (30 s doubling to an hour) while a server
 * is down. A worker that dies mid-batch leaves the entries it had not finished due again;
 * the one it was handing over at that instant may go twice, with the same Message-ID, so
 * receivers can drop the repeat. A sent announcement whose kind answers a plan gate records
 * its Message-ID as the gate's evidence.
 *
 * <p>Safety: subjects and addresses with line breaks are refused (no header injection), and
 * recipients must come from the catalog or the policy: its lists, the services' and teams'
 * lists, people's addresses, consumers' contacts.
 */
public final class AnnounceService {
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final AnnounceRepository repository;
    private final PlanService plans;
    private final CatalogService catalog;
    private final Policy policy;
    private final Templates templates;
    private final String from;
    private final Clock clock;
    private final AnnounceEvents events;

    /** Hears of each announcement delivered (the bus event {@code announcement.sent}). */
    public interface AnnounceEvents {
        AnnounceEvents NONE = (a, p) -> { };

        void sent(Announcement announcement, org.breakwater.plan.Plan plan);
    }

    /** {@code from} is the sender's address; its domain ends every Message-ID. */
    public AnnounceService(AnnounceRepository repository, PlanService plans, CatalogService catalog, Policy policy,
                           Templates templates, String from, Clock clock) {
        this(repository, plans, catalog, policy, templates, from, clock, AnnounceEvents.NONE);
    }

    public AnnounceService(AnnounceRepository repository, PlanService plans, CatalogService catalog, Policy policy,
                           Templates templates, String from, Clock clock, AnnounceEvents events) {
        this.events = events;
        this.repository = repository;
        this.plans = plans;
        this.catalog = catalog;
        this.policy = policy;
        this.templates = templates;
        this.from = from;
        this.clock = clock;
    }

    public String from() {
        return from;
    }

    /**
     * Writes and stores drafts of {@code kind} for plan {@code planId}: one, or one per
     * affected consumer. A reminder's lead time is the time left before the start (in whole
     * days) unless given.
     */
    public Outcome<List<Announcement>> draft(long planId, Kind kind, Optional<String> migrationNotes,
                                             Optional<Duration> lead, String by) {
        Outcome<PlanReport> report = plans.report(planId);
        if (report instanceof Outcome.Refused<PlanReport> r) {
            return Outcome.refused(r.reason());
        }
        PlanReport r = ((Outcome.Done<PlanReport>) report).value();
        Instant now = clock.instant();
        Duration left = Duration.ofDays(Math.max(1, Duration.between(now, r.plan().start()).toDays()));
        List<Draft> drafts = new Drafter(catalog.export(), policy, templates).drafts(r, kind, migrationNotes,
                lead.or(() -> Optional.of(left)));
        if (drafts.isEmpty()) {
            return Outcome.refused("plan " + planId + " has no " + kind.id() + " to write: "
                    + (kind == Kind.CONSUMER_NOTICE ? "no known consumer is hit by a breaking change" : "nothing to say"));
        }
        List<Announcement> made = new ArrayList<>();
        for (Draft d : drafts) {
            made.add(repository.create(new Announcement(0, planId, kind, d.consumer(), d.to(), d.subject(), d.body(),
                    Announcement.Status.DRAFT, by, now, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty())));
        }
        return Outcome.done(made);
    }

    public Optional<Announcement> announcement(long id) {
        return repository.announcement(id);
    }

    public List<Announcement> list(Optional<Long> planId) {
        return repository.announcements(planId);
    }

    public List<OutboxEntry> outbox(int limit) {
        return repository.outbox(limit);
    }

    /** What waits in the outbox, per channel with something waiting. */
    public List<AnnounceRepository.Waiting> waiting() {
        return repository.waiting();
    }

    /** Changes a draft; what is not given stays. Checked as a send would be. */
    public Outcome<Announcement> edit(long id, Optional<List<String>> to, Optional<String> subject, Optional<String> body,
                                      String by) {
        Optional<Announcement> a = repository.announcement(id);
        if (a.isEmpty()) {
            return Outcome.refused("no announcement " + id);
        }
        if (a.get().status() != Announcement.Status.DRAFT) {
            return Outcome.refused("announcement " + id + " is " + a.get().status().id() + ": only drafts can change");
        }
        List<String> newTo = to.map(l -> l.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(a.get().to());
        String newSubject = subject.orElse(a.get().subject());
        String newBody = body.orElse(a.get().body());
        Optional<String> problem = check(a.get().planId(), newTo, newSubject, newBody);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        repository.edit(id, newTo, newSubject, newBody, by);
        return Outcome.done(repository.announcement(id).orElseThrow());
    }

    /** Queues a draft's mail for delivery: the explicit "send". */
    public Outcome<Announcement> send(long id, String by) {
        Optional<Announcement> found = repository.announcement(id);
        if (found.isEmpty()) {
            return Outcome.refused("no announcement " + id);
        }
        Announcement a = found.get();
        if (a.status() != Announcement.Status.DRAFT) {
            return Outcome.refused("announcement " + id + " is already " + a.status().id()
                    + a.messageId().map(m -> " (" + m + ")").orElse(""));
        }
        Optional<String> problem = check(a.planId(), a.to(), a.subject(), a.body());
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Instant now = clock.instant();
        OutboxEntry mail = new OutboxEntry(0, OutboxEntry.Channel.MAIL, messageId(a), Optional.of(a.id()),
                String.join(", ", a.to()), a.subject(), a.body(), 0, now, OutboxEntry.State.PENDING, Optional.empty(),
                now, Optional.empty());
        if (!repository.queue(id, by, now, mail)) {
            return Outcome.refused("announcement " + id + " was sent meanwhile");
        }
        return Outcome.done(repository.announcement(id).orElseThrow());
    }

    /**
     * The plan's owner (or an admin) approves its reminders ahead: from then on Breakwater
     * writes and sends each reminder the policy asks for ({@code announcements.reminders}) by
     * itself when its lead time comes, in the approver's name.
     */
    public Outcome<String> approveReminders(long planId, String by) {
        Optional<org.breakwater.plan.Plan> plan = plans.plan(planId);
        if (plan.isEmpty()) {
            return Outcome.refused("no plan " + planId);
        }
        if (!plan.get().status().open()) {
            return Outcome.refused("plan " + planId + " is " + plan.get().status().id() + ": nothing to remind of");
        }
        if (policy.announcements().reminders().isEmpty()) {
            return Outcome.refused("the policy asks for no reminders");
        }
        if (!repository.approveReminders(planId, by, clock.instant())) {
            return Outcome.refused("plan " + planId + "'s reminders were already approved by "
                    + repository.reminderApprover(planId).orElse("someone"));
        }
        return Outcome.done("reminders of plan " + planId + " approved by " + by + ": each is sent "
                + String.join(" and ", policy.announcements().reminders().stream().map(Drafter::span).toList())
                + " before the start");
    }

    public Optional<String> reminderApprover(long planId) {
        return repository.reminderApprover(planId);
    }

    /**
     * Writes and queues the approved reminders whose time has come (each once): a scheduled
     * plan, its start ahead, and at most its lead time away. Returns how many.
     */
    public int queueDueReminders() {
        Instant now = clock.instant();
        int queued = 0;
        for (long planId : repository.plansWithApprovedReminders()) {
            Optional<org.breakwater.plan.Plan> plan = plans.plan(planId);
            if (plan.isEmpty() || plan.get().status() != org.breakwater.plan.PlanStatus.SCHEDULED
                    || !now.isBefore(plan.get().start())) {
                continue;
            }
            String by = repository.reminderApprover(planId).orElse("breakwater");
            for (Duration lead : policy.announcements().reminders()) {
                if (now.isBefore(plan.get().start().minus(lead)) || !repository.claimReminder(planId, lead.toMinutes())) {
                    continue;
                }
                Outcome<List<Announcement>> drafted = draft(planId, Kind.REMINDER, Optional.empty(), Optional.of(lead), by);
                if (drafted instanceof Outcome.Done<List<Announcement>> d) {
                    Announcement a = d.value().get(0);
                    repository.reminderWritten(planId, lead.toMinutes(), a.id());
                    if (send(a.id(), by) instanceof Outcome.Done) {
                        queued++;
                    }
                }
            }
        }
        return queued;
    }

    /**
     * What one delivery round did, and what it left: {@code waiting} entries that failed (in this
     * round or an earlier one) wait to be tried again, the soonest at {@code nextRetry}.
     */
    public record Delivery(int delivered, int failed, List<String> errors, int waiting, Optional<Instant> nextRetry) {
        public Delivery {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Queues the approved reminders that are due (when mail can go), then delivers up to
     * {@code limit} due entries through the courier of their channel (entries of
     * a channel without a courier wait).
     */
    public Delivery deliver(Map<OutboxEntry.Channel, Courier> couriers, int limit) {
        int delivered = 0;
        int failed = 0;
        List<String> errors = new ArrayList<>();
        if (couriers.containsKey(OutboxEntry.Channel.MAIL)) {
            queueDueReminders();
        }
        for (OutboxEntry e : repository.due(clock.instant(), couriers.keySet(), limit)) {
            Courier courier = couriers.get(e.channel());
            Instant now = clock.instant();
            if (!repository.claim(e.id(), e.nextAttemptAt(), now.plus(LEASE))) {
                continue; // another worker has it
            }
            try {
                courier.deliver(e);
            } catch (DeliveryException ex) {
                int attempts = e.attempts() + 1;
                Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
                if (wait.compareTo(LAST_RETRY) > 0) {
                    wait = LAST_RETRY;
                }
                repository.failed(e.id(), attempts, now.plus(wait), ex.getMessage());
                errors.add(e.messageId() + ": " + ex.getMessage() + " (attempt " + attempts + "; next in "
                        + Drafter.span(wait.toMinutes() == 0 ? Duration.ofMinutes(1) : wait) + ")");
                failed++;
                continue;
            }
            Instant at = clock.instant();
            repository.sent(e, at);
            delivered++;
            e.announcementId().flatMap(repository::announcement).ifPresent(a -> {
                satisfyGate(a, e, at).ifPresent(errors::add);
                plans.plan(a.planId()).ifPresent(p -> events.sent(a, p));
            });
        }
        AnnounceRepository.Retries retries = repository.retries(clock.instant(), couriers.keySet());
        return new Delivery(delivered, failed, errors, retries.count(), retries.next());
    }

    /**
     * A sent notice is its gate's evidence, with the Message-ID to find it by; why the plan refused it
     * as evidence, if it did (said in the delivery's errors, never dropped silently).
     */
    private Optional<String> satisfyGate(Announcement a, OutboxEntry e, Instant at) {
        return a.kind().gate().flatMap(gate -> {
            var recorded = plans.record(a.planId(), gate, "mail " + e.messageId() + ": " + a.subject(),
                    a.sentBy().orElse(a.createdBy()), Optional.of(at), Optional.of("sent by Breakwater to "
                            + e.destination()), Optional.empty());
            return recorded instanceof org.breakwater.catalog.Outcome.Refused<?> r
                    ? Optional.of(e.messageId() + ": sent, but not recorded as " + gate + " evidence on plan "
                            + a.planId() + ": " + r.reason())
                    : Optional.empty();
        });
    }

    /** The Message-ID of an announcement's mail: fixed by the announcement and its recipients. */
    String messageId(Announcement a) {
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "")
                : "breakwater.invalid";
        return "<breakwater.announcement-" + a.id() + "." + sha256(a.id() + "\n" + String.join("\n",
                a.to().stream().sorted().toList())).substring(0, 12) + "@" + domain + ">";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** What is wrong with these recipients, subject and body, if anything. */
    Optional<String> check(long planId, List<String> to, String subject, String body) {
        if (to.isEmpty()) {
            return Optional.of("an announcement needs at least one recipient");
        }
        if (subject.isBlank()) {
            return Optional.of("the subject is empty");
        }
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n' || c < 0x20 && c != '\t')) {
            return Optional.of("the subject holds a line break or control character: refused (a mail header"
                    + " cannot be split)");
        }
        if (subject.length() > 300) {
            return Optional.of("the subject is longer than 300 characters");
        }
        if (body.isBlank()) {
            return Optional.of("the body is empty");
        }
        Set<String> allowed = allowedRecipients();
        for (String address : to) {
            if (address.chars().anyMatch(c -> c == '\r' || c == '\n') || !ADDRESS.matcher(address).matches()) {
                return Optional.of("'" + address.replace("\r", "\\r").replace("\n", "\\n")
                        + "' is not a plain e-mail address (name@example.org)");
            }
            if (!allowed.contains(address.toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of(address + " is not in the catalog or the policy: announcements go only to the"
                        + " policy's lists, services' and teams' lists, people and consumers' contacts of the catalog");
            }
        }
        return Optional.empty();
    }

    /** Every address the catalog or the policy names, in lower case. */
    Set<String> allowedRecipients() {
        Catalog c = catalog.export();
        Set<String> allowed = new LinkedHashSet<>();
        allowed.addAll(policy.announcements().always());
        policy.announcements().byTier().values().forEach(allowed::addAll);
        c.services().forEach(s -> allowed.addAll(s.announce()));
        c.teams().stream().map(Team::mailingList).flatMap(Optional::stream).forEach(allowed::add);
        c.people().stream().map(Person::email).filter(x -> !x.isBlank()).forEach(allowed::add);
        c.consumers().stream().map(k -> k.contact().orElse("")).filter(x -> x.contains("@")).forEach(allowed::add);
        Set<String> lower = new LinkedHashSet<>();
        allowed.forEach(a -> lower.add(a.toLowerCase(java.util.Locale.ROOT)));
        return lower;
    }
}
