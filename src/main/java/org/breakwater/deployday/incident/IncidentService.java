package org.breakwater.deployday.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.breakwater.catalog.Outcome;

/**
 * The incidents' use cases: open (by hand or by the detector), acknowledge, assign, resolve and
 * merge a duplicate into another. Each change is checked against the incident's state, saved
 * only if nobody changed that state meanwhile, and kept as a timestamped event.
 */
public final class IncidentService {
    static final int MAX_NAME = 100;

    private final IncidentRepository repository;
    private final Predicate<String> serviceExists;
    private final LongPredicate planExists;
    private final Clock clock;

    public IncidentService(IncidentRepository repository, Predicate<String> serviceExists, LongPredicate planExists,
                           Clock clock) {
        this.repository = repository;
        this.serviceExists = serviceExists;
        this.planExists = planExists;
        this.clock = clock;
    }

    /** Opens an incident; with a key already taken, the incident that has it (not opened again). */
    public Outcome<IncidentRepository.Opened> open(NewIncident n) {
        if (!serviceExists.test(n.service())) {
            return Outcome.refused("no service '" + n.service() + "' in the catalog");
        }
        if (n.planId().isPresent() && !planExists.test(n.planId().get())) {
            return Outcome.refused("no plan " + n.planId().get());
        }
        Optional<String> bad = name("opened by", n.openedBy());
        if (bad.isPresent()) {
            return Outcome.refused(bad.get());
        }
        return Outcome.done(repository.open(n, clock.instant()));
    }

    public Optional<Incident> incident(long id) {
        return repository.incident(id);
    }

    public List<Incident> list(IncidentRepository.Filter filter, int limit) {
        return repository.list(filter, limit);
    }

    public List<IncidentEvent> events(long id) {
        return repository.events(id);
    }

    /** Someone is on it: an open incident becomes acknowledged, with when and by whom. */
    public Outcome<Incident> acknowledge(long id, String by) {
        return change(id, by, i -> {
            if (i.status() != IncidentStatus.OPEN) {
                return Outcome.refused("incident " + id + " is " + i.status().id() + ", not open");
            }
            Instant now = clock.instant();
            return Outcome.done(with(i, IncidentStatus.ACKNOWLEDGED, i.assignee(), Optional.of(now), Optional.of(by),
                    i.resolvedAt(), i.resolvedBy(), i.mergedInto()));
        }, "acknowledged", Optional.empty());
    }

    /** Gives an active incident to {@code person}. */
    public Outcome<Incident> assign(long id, String person, String by) {
        Optional<String> bad = name("the assignee", person);
        if (bad.isPresent()) {
            return Outcome.refused(bad.get());
        }
        return change(id, by, i -> active(i).map(Outcome::<Incident>refused).orElseGet(() -> Outcome.done(with(i,
                i.status(), Optional.of(person.strip()), i.acknowledgedAt(), i.acknowledgedBy(), i.resolvedAt(),
                i.resolvedBy(), i.mergedInto()))), "assigned", Optional.of(person.strip()));
    }

    /** Resolves an active incident; one never acknowledged counts as acknowledged at the same moment. */
    public Outcome<Incident> resolve(long id, String by, Optional<String> note) {
        return change(id, by, i -> {
            Optional<String> refused = active(i);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            Instant now = clock.instant();
            return Outcome.done(with(i, IncidentStatus.RESOLVED, i.assignee(),
                    i.acknowledgedAt().or(() -> Optional.of(now)), i.acknowledgedBy().or(() -> Optional.of(by)),
                    Optional.of(now), Optional.of(by), i.mergedInto()));
        }, "resolved", note);
    }

    /**
     * Merges the duplicate {@code id} into {@code into}: the duplicate is closed as merged, the
     * other keeps the earlier detection time and gains the duplicate's links.
     */
    public Outcome<Incident> merge(long id, long into, String by) {
        if (id == into) {
            return Outcome.refused("an incident cannot be merged into itself");
        }
        Optional<Incident> target = repository.incident(into);
        if (target.isEmpty()) {
            return Outcome.refused("no incident " + into);
        }
        if (target.get().status() == IncidentStatus.MERGED) {
            return Outcome.refused("incident " + into + " was itself merged into "
                    + target.get().mergedInto().map(m -> "#" + m).orElse("another") + "; merge into that one");
        }
        Outcome<Incident> merged = change(id, by, i -> active(i).map(Outcome::<Incident>refused).orElseGet(() ->
                Outcome.done(with(i, IncidentStatus.MERGED, i.assignee(), i.acknowledgedAt(), i.acknowledgedBy(),
                        i.resolvedAt(), i.resolvedBy(), Optional.of(into)))), "merged", Optional.of("into #" + into));
        if (merged instanceof Outcome.Done<Incident> d) {
            Incident t = target.get();
            Incident dup = d.value();
            List<String> links = java.util.stream.Stream.concat(t.links().stream(), dup.links().stream()).distinct()
                    .limit(NewIncident.MAX_LINKS).toList();
            Instant detected = dup.detectedAt().isBefore(t.detectedAt()) ? dup.detectedAt() : t.detectedAt();
            Optional<Instant> first = java.util.stream.Stream.of(t.firstFailingAt(), dup.firstFailingAt())
                    .flatMap(Optional::stream).min(Instant::compareTo);
            Incident grown = new Incident(t.id(), t.key(), t.title(), t.severity(), t.status(), t.service(),
                    t.consumer(), t.operation(), t.planId(), links, t.detail(), t.openedBy(), detected,
                    t.recordedAt(), t.assignee(), t.acknowledgedAt(), t.acknowledgedBy(), t.resolvedAt(),
                    t.resolvedBy(), t.mergedInto(), first);
            repository.update(grown, t.status(), new IncidentEvent(t.id(), clock.instant(), by, "merged-from",
                    Optional.of("#" + id + ": " + dup.title())));
        }
        return merged;
    }

    private Optional<String> active(Incident i) {
        return i.status().active() ? Optional.empty()
                : Optional.of("incident " + i.id() + " is " + i.status().id() + i.mergedInto().map(m -> " into #" + m)
                .orElse(""));
    }

    private Outcome<Incident> change(long id, String by, java.util.function.Function<Incident, Outcome<Incident>> how,
                                     String action, Optional<String> detail) {
        Optional<String> bad = name("who", by);
        if (bad.isPresent()) {
            return Outcome.refused(bad.get());
        }
        Optional<Incident> found = repository.incident(id);
        if (found.isEmpty()) {
            return Outcome.refused("no incident " + id);
        }
        Outcome<Incident> o = how.apply(found.get());
        if (o instanceof Outcome.Done<Incident> d) {
            if (!repository.update(d.value(), found.get().status(), new IncidentEvent(id, clock.instant(), by, action,
                    detail))) {
                return Outcome.refused("incident " + id + " was changed meanwhile; look again");
            }
            return Outcome.done(repository.incident(id).orElseThrow());
        }
        return o;
    }

    private static Incident with(Incident i, IncidentStatus status, Optional<String> assignee,
                                 Optional<Instant> ackAt, Optional<String> ackBy, Optional<Instant> resolvedAt,
                                 Optional<String> resolvedBy, Optional<Long> mergedInto) {
        return new Incident(i.id(), i.key(), i.title(), i.severity(), status, i.service(), i.consumer(), i.operation(),
                i.planId(), i.links(), i.detail(), i.openedBy(), i.detectedAt(), i.recordedAt(), assignee, ackAt, ackBy,
                resolvedAt, resolvedBy, mergedInto, i.firstFailingAt());
    }

    private static Optional<String> name(String what, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME || value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(what + " must be a name of 1 to " + MAX_NAME + " characters");
        }
        return Optional.empty();
    }
}
