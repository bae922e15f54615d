package org.breakwater.cli.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

    /** Writes the field only when the value is there, as JSON null otherwise. */
    public static void optional(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }
}
