package org.breakwater.staging.bus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.SuiteEvents;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.TestId;

/**
 * Event {@code staging.test.added} ("added an end-to-end test", for a badge system), one per test
 * run for the first time in a suite, recorded in the outbox like every bus event (docs/announcements.md)
 * and published by the bus courier. Body, schema {@code breakwater.staging.test.added.v1}:
 * {@code {"event", "at", "summary", "suite", "services", "test", "run", "status", "author"}};
 * {@code author} is null: no JUnit dialect says who wrote a test, so none is guessed.
 */
public final class TestAddedEvents implements SuiteEvents {
    public static final String EVENT = "staging.test.added";
    /** At most this many events per run; a suite that renames everything at once is not a hundred badges. */
    static final int MAX_PER_RUN = 100;
    private static final JsonFactory JSON = new JsonFactory();

    private final AnnounceRepository outbox;
    private final Clock clock;

    public TestAddedEvents(AnnounceRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void testsAdded(StagingSuite suite, SuiteRun run, List<TestId> added) {
        Instant now = clock.instant();
        for (TestId id : added.subList(0, Math.min(MAX_PER_RUN, added.size()))) {
            outbox.enqueue(new OutboxEntry(0, OutboxEntry.Channel.BUS, UUID.randomUUID().toString(), Optional.empty(),
                    EVENT, "breakwater." + EVENT + ".v1", body(suite, run, id, now), 0, now, OutboxEntry.State.PENDING,
                    Optional.empty(), now, Optional.empty()));
        }
    }

    static String body(StagingSuite suite, SuiteRun run, TestId id, Instant at) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event", EVENT);
            g.writeStringField("at", at.toString());
            g.writeStringField("summary", "added an end-to-end test: " + id.value() + " in suite " + suite.name());
            g.writeStringField("suite", suite.name());
            g.writeArrayFieldStart("services");
            for (String s : suite.services()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeStringField("test", id.value());
            g.writeNumberField("run", run.id());
            g.writeStringField("status", run.status().id());
            g.writeNullField("author");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
