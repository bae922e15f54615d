package org.breakwater.deployday.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Team;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.plan.Plan;

/**
 * Tells people of an incident the detector opened, through the announcement outbox (so a mail
 * server or broker outage loses nothing): a mail to the consumer's contact (else its team's
 * list) and to the owners of the plan's services, and a bus event {@code incident.opened}
 * (schema {@code breakwater.incident.opened.v1}: {@code {"event", "at", "incident": {"id",
 * "title", "severity", "service", "consumer", "operation", "plan", "detectedAt", "url"}}}).
 */
public final class IncidentNotices {
    private static final JsonFactory JSON = new JsonFactory();

    private final AnnounceRepository outbox;
    private final Clock clock;

    public IncidentNotices(AnnounceRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Who hears of an incident of {@code plan}: the consumer's contact or team, the services' owners. */
    static List<String> recipients(Catalog catalog, Plan plan, Optional<String> consumer) {
        Set<String> to = new LinkedHashSet<>();
        consumer.flatMap(name -> catalog.consumers().stream().filter(c -> c.name().equals(name)).findFirst())
                .ifPresent(c -> to.addAll(contact(catalog, c)));
        for (var r : plan.releases()) {
            catalog.services().stream().filter(s -> s.name().equals(r.service())).findFirst()
                    .ifPresent(s -> to.addAll(team(catalog, s.owner())));
        }
        return List.copyOf(to);
    }

    private static List<String> contact(Catalog catalog, Consumer c) {
        if (c.contact().isPresent() && c.contact().get().contains("@")) {
            return List.of(c.contact().get());
        }
        return team(catalog, c.owner());
    }

    private static List<String> team(Catalog catalog, String name) {
        Optional<Team> t = catalog.teams().stream().filter(x -> x.name().equals(name)).findFirst();
        if (t.isEmpty()) {
            return List.of();
        }
        if (t.get().mailingList().isPresent()) {
            return List.of(t.get().mailingList().get());
        }
        return catalog.people().stream().filter(p -> t.get().members().contains(p.username())).map(Person::email)
                .toList();
    }

    /** Queues the mail (when anyone is to hear of it) and the bus event. */
    public void opened(Incident i, Plan plan, List<String> to) {
        Instant now = clock.instant();
        if (!to.isEmpty()) {
            String body = i.title() + "\n\n" + i.detail().orElse("") + "\n\nService: " + i.service()
                    + i.consumer().map(c -> "\nConsumer: " + c).orElse("") + i.operation().map(o -> "\nOperation: " + o)
                    .orElse("") + "\nPlan " + plan.id() + ": " + plan.title() + "\nDetected: " + i.detectedAt()
                    + "\n\nAcknowledge it: breakwater incident ack " + i.id() + " (or on /incidents/" + i.id() + ")\n";
            outbox.enqueue(new OutboxEntry(0, OutboxEntry.Channel.MAIL, "<breakwater.incident-" + i.id() + "."
                    + UUID.randomUUID() + "@breakwater.invalid>", Optional.empty(), String.join(", ", to),
                    "[incident " + i.id() + "] " + i.title(), body, 0, now, OutboxEntry.State.PENDING, Optional.empty(),
                    now, Optional.empty()));
        }
        outbox.enqueue(new OutboxEntry(0, OutboxEntry.Channel.BUS, UUID.randomUUID().toString(), Optional.empty(),
                "incident.opened", "breakwater.incident.opened.v1", event(i, now), 0, now, OutboxEntry.State.PENDING,
                Optional.empty(), now, Optional.empty()));
    }

    static String event(Incident i, Instant at) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event", "incident.opened");
            g.writeStringField("at", at.toString());
            g.writeObjectFieldStart("incident");
            g.writeNumberField("id", i.id());
            g.writeStringField("title", i.title());
            g.writeStringField("severity", i.severity().id());
            g.writeStringField("service", i.service());
            g.writeStringField("consumer", i.consumer().orElse(null));
            g.writeStringField("operation", i.operation().orElse(null));
            if (i.planId().isPresent()) {
                g.writeNumberField("plan", i.planId().get());
            }
            g.writeStringField("detectedAt", i.detectedAt().toString());
            g.writeStringField("url", "/incidents/" + i.id());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
