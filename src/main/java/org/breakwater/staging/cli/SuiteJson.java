package org.breakwater.staging.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.staging.Durations;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.StoredCase;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.TestId;
import org.breakwater.staging.TestStats;

/** Suites, runs and test histories as JSON, the same for the CLI's --json and the REST API. Never a secret's value. */
public final class SuiteJson {
    private SuiteJson() {
    }

    public static void suite(JsonGenerator g, StagingSuite s, List<String> secretNames,
                             Optional<java.time.Instant> nextDue) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        strings(g, "services", s.services());
        g.writeStringField("command", s.command());
        g.writeStringField("workdir", s.workdir());
        g.writeObjectFieldStart("env");
        for (Map.Entry<String, String> e : s.env().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("results", s.results());
        g.writeStringField("timeout", Durations.show(s.timeout()));
        g.writeStringField("display", s.display().id());
        g.writeStringField("environment", s.environment());
        g.writeStringField("cron", s.cron());
        g.writeStringField("timeZone", s.zone().getId());
        g.writeStringField("origin", s.origin());
        g.writeStringField("identify", s.identify());
        strings(g, "secrets", secretNames);
        if (nextDue.isPresent()) {
            g.writeStringField("nextDue", nextDue.get().toString());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static void run(JsonGenerator g, SuiteRun r, boolean output) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", r.id());
        g.writeStringField("suite", r.suite());
        g.writeStringField("status", r.status().id());
        g.writeBooleanField("green", r.green());
        g.writeStringField("trigger", r.trigger());
        g.writeStringField("started", r.started().toString());
        if (r.finished().isPresent()) {
            g.writeStringField("finished", r.finished().get().toString());
        }
        if (r.exitCode().isPresent()) {
            g.writeNumberField("exitCode", r.exitCode().get());
        }
        g.writeObjectFieldStart("versions");
        for (Map.Entry<String, String> e : r.versions().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("tests", r.tests());
        g.writeNumberField("failures", r.failures());
        g.writeNumberField("skipped", r.skipped());
        g.writeStringField("message", r.message());
        if (output) {
            g.writeStringField("output", r.output());
        }
        g.writeEndObject();
    }

    public static void cases(JsonGenerator g, List<StoredCase> cases) throws IOException {
        g.writeArrayFieldStart("cases");
        for (StoredCase c : cases) {
            g.writeStartObject();
            g.writeStringField("test", c.id().value());
            g.writeStringField("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("durationMs", c.duration().toMillis());
            g.writeNumberField("reruns", c.reruns());
            g.writeStringField("message", c.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void history(JsonGenerator g, String suite, Map<TestId, TestStats> tests) throws IOException {
        g.writeStartObject();
        g.writeStringField("suite", suite);
        g.writeArrayFieldStart("tests");
        for (TestStats t : tests.values()) {
            g.writeStartObject();
            g.writeStringField("test", t.id().value());
            g.writeNumberField("passStreak", t.passStreak());
            if (t.lastFailure().isPresent()) {
                g.writeNumberField("lastFailureRun", Long.parseLong(t.lastFailure().get()));
            }
            g.writeNumberField("verdicts", t.verdicts());
            g.writeNumberField("flips", t.flips());
            g.writeNumberField("flipRate", t.flipRate());
            g.writeBooleanField("flaky", t.flaky());
            g.writeNumberField("passedOnRerun", t.passedOnRerun());
            if (t.median().isPresent()) {
                g.writeNumberField("medianMs", t.median().get().toMillis());
            }
            if (t.p95().isPresent()) {
                g.writeNumberField("p95Ms", t.p95().get().toMillis());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
