package org.breakwater.cli.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Machine-readable output: pretty JSON written with Jackson's streaming generator. */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one JSON document through {@code body}. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOutput() {
    }

    public static void print(PrintWriter out, Body body) {
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(g);
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A command's answer: JSON through {@code body} when {@code json} ({@code --json}), else the
     * words {@code text} prints; the command is done (exit 0).
     */
    public static int print(PrintWriter out, boolean json, Body body, Runnable text) {
        if (json) {
            print(out, body);
        } else {
            text.run();
        }
        return ExitCode.OK;
    }

    /** Writes one element of an array. */
    public interface Item<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /** An array field with one element per item, each written by {@code item}. */
    public static <T> void array(JsonGenerator g, String field, List<T> items, Item<T> item) throws IOException {
        g.writeArrayFieldStart(field);
        for (T t : items) {
            item.write(g, t);
        }
        g.writeEndArray();
    }

    /** An array field of strings. */
    public static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        array(g, field, values, (gen, s) -> gen.writeString(s));
    }

    /** A number field, JSON null when there is no value. */
    public static void number(JsonGenerator g, String field, Optional<Long> value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }

    /** Writes the field only when the value is there, as JSON null otherwise. */
    public static void optional(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }
}
