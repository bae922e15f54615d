package org.breakwater.announce.bus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanEvents;
import org.breakwater.plan.PlannedRelease;

/**
 * Records bus events in the outbox, in the store's own transaction order, so that a broker
 * outage loses nothing: each event gets its message id (a random UUID, as fedora-messaging
 * asks) when it happens, and is published — with that id — whenever a bus courier runs. The
 * entry keeps the event name; the courier adds the topic prefix and environment it is set up with.
 *
 * <p>Bodies, schema {@code breakwater.EVENT.v1}: {@code {"event", "at", "plan": {"id", "title",
 * "status", "environment", "start", "end", "owner", "ticket", "releases": [{"service",
 * "version"}], "url"}}}, and for {@code announcement.sent} also {@code "announcement": {"id",
 * "kind", "subject", "messageId", "to"}}.
 */
public final class EventOutbox implements PlanEvents, org.breakwater.announce.AnnounceService.AnnounceEvents {
    private static final JsonFactory JSON = new JsonFactory();

    private final AnnounceRepository repository;
    private final Clock clock;

    public EventOutbox(AnnounceRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void happened(String event, Plan plan) {
        record(event, plan, Optional.empty());
    }

    /** {@code announcement.sent}: a notice went out. */
    @Override
    public void sent(Announcement a, Plan plan) {
        record("announcement.sent", plan, Optional.of(a));
    }

    private void record(String event, Plan plan, Optional<Announcement> announcement) {
        Instant now = clock.instant();
        repository.enqueue(new OutboxEntry(0, OutboxEntry.Channel.BUS, UUID.randomUUID().toString(), Optional.empty(),
                event, "breakwater." + event + ".v1", body(event, now, plan, announcement), 0, now,
                OutboxEntry.State.PENDING, Optional.empty(), now, Optional.empty()));
    }

    static String body(String event, Instant at, Plan p, Optional<Announcement> announcement) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event", event);
            g.writeStringField("at", at.toString());
            g.writeObjectFieldStart("plan");
            g.writeNumberField("id", p.id());
            g.writeStringField("title", p.title());
            g.writeStringField("status", p.status().id());
            g.writeStringField("environment", p.environment());
            g.writeStringField("start", p.start().toString());
            g.writeStringField("end", p.end().toString());
            g.writeStringField("owner", p.owner());
            if (p.ticket().isPresent()) {
                g.writeStringField("ticket", p.ticket().get());
            }
            g.writeArrayFieldStart("releases");
            for (PlannedRelease r : p.releases()) {
                g.writeStartObject();
                g.writeStringField("service", r.service());
                g.writeStringField("version", r.version());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("url", "/plans/" + p.id());
            g.writeEndObject();
            if (announcement.isPresent()) {
                Announcement a = announcement.get();
                g.writeObjectFieldStart("announcement");
                g.writeNumberField("id", a.id());
                g.writeStringField("kind", a.kind().id());
                g.writeStringField("subject", a.subject());
                g.writeStringField("messageId", a.messageId().orElse(""));
                g.writeArrayFieldStart("to");
                for (String t : a.to()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
