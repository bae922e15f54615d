package org.breakwater.cli.common;

import java.io.PrintWriter;
import java.util.Optional;

/** Old spellings of options that still work, with a note on stderr naming the new one. */
public final class Deprecations {
    private Deprecations() {
    }

    /**
     * JSON is {@code --json} in every command; {@code --output text|json} was can-deploy's spelling.
     * Returns whether to print JSON, or empty (after saying why) when {@code --output} names neither.
     */
    public static Optional<Boolean> outputFormat(String command, String output, boolean json, PrintWriter err) {
        if (output == null) {
            return Optional.of(json);
        }
        String format = output.strip().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            err.println("breakwater " + command + ": --output is text or json, not '" + output + "'; for JSON write --json");
            return Optional.empty();
        }
        if (format.equals("text") && json) {
            err.println("breakwater " + command + ": --output text and --json contradict each other; drop --output");
            return Optional.empty();
        }
        err.println("breakwater " + command + ": note: --output " + format + " is deprecated; "
                + (format.equals("json") ? "write --json" : "text is the default, drop it"));
        return Optional.of(json || format.equals("json"));
    }
}
