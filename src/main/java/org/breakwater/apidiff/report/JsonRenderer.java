package org.breakwater.apidiff.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Machine-readable output; the shape is documented in docs/diff-json.md and only grows.
 * {@code {"summary": {...}, "findings": [{"id", "level", "operation", "location", "message", ...}]}}
 */
public final class JsonRenderer implements Renderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public void render(Report report, Appendable out) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("old", report.oldFile());
            g.writeStringField("new", report.newFile());
            g.writeStringField("oldVersion", report.oldVersion());
            g.writeStringField("newVersion", report.newVersion());
            Summary s = report.summary();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("breaking", s.breaking());
            g.writeNumberField("warning", s.warning());
            g.writeNumberField("info", s.info());
            g.writeNumberField("ignored", report.suppressed().size());
            g.writeEndObject();
            g.writeBooleanField("truncated", report.truncated());
            Summary omitted = report.omitted();
            g.writeObjectFieldStart("omitted");
            g.writeNumberField("breaking", omitted.breaking());
            g.writeNumberField("warning", omitted.warning());
            g.writeNumberField("info", omitted.info());
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ignored");
            for (Suppressed x : report.suppressed()) {
                g.writeStartObject();
                g.writeStringField("id", x.finding().id());
                g.writeStringField("operation", x.finding().operation());
                g.writeStringField("location", x.finding().location());
                g.writeStringField("message", x.finding().message());
                g.writeStringField("reason", x.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notices");
            for (String n : report.notices()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.append(w.toString()).append('\n');
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("level", f.level().id());
        g.writeStringField("operation", f.operation());
        g.writeStringField("location", f.location());
        g.writeStringField("message", f.message());
        g.writeStringField("file", f.source().file());
        g.writeNumberField("line", f.source().line());
        g.writeNumberField("column", f.source().column());
        g.writeStringField("side", f.inOld() ? "old" : "new");
        g.writeStringField("direction", f.rule().direction().name().toLowerCase(java.util.Locale.ROOT));
        g.writeEndObject();
    }
}
