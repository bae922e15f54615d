package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A command line run in this JVM through {@link Main#run}, as the CLI tests run it: its exit code,
 * standard output and standard error. {@link #run} also checks that no exception or stack trace
 * shows in either: bad input is said in words.
 */
public record CliRun(int code, String out, String err) {
    /** Standard output, then standard error. */
    public String all() {
        return out + err;
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    /** Runs {@code args}; no exception or stack trace may show in the output. */
    public static CliRun run(String... args) {
        CliRun r = unchecked(args);
        assertThat(r.all()).as("no exception or stack trace in the output of %s", List.of(args))
                .doesNotContain("Exception").doesNotContain("\tat ");
        return r;
    }

    /** Runs {@code args} followed by {@code options} (where the store is, say); checked as {@link #run(String...)}. */
    public static CliRun run(String[] args, List<String> options) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(options);
        return run(all.toArray(String[]::new));
    }

    /** Writes the demo into {@code dir}/demo ({@code breakwater demo --no-serve}) and gives back its store folder. */
    public static Path demo(Path dir) {
        CliRun r = run("demo", "--no-serve", "--dir", dir.resolve("demo").toString());
        assertThat(r.code()).as(r.err()).isZero();
        return dir.resolve("demo/store");
    }

    /** Runs {@code args} and gives back whatever it printed, unchecked. */
    public static CliRun unchecked(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
