package org.breakwater.deployday.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater postmortem PLAN}: the post-mortem draft in Markdown. */
@Command(name = "postmortem", mixinStandardHelpOptions = true,
        description = {"Write a plan's post-mortem draft in Markdown from the record: the plan, the",
            "notices sent, the deployments, the roster, the first failing call per",
            "consumer, the incidents with their times, what staging had shown; for a",
            "person to edit.",
            "",
            "Example:",
            "  breakwater postmortem 1 -o pkgdb2-post-mortem.md"},
        footer = {"", "Exit codes: 0 written; 2 unknown plan or the file cannot be written; 3 internal error."})
public final class PostmortemCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "PLAN", description = "the plan's number")
    long plan;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write it here (default: standard output)")
    Path output;
    @Mixin
    DayOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return options.run("postmortem", err, day -> Outcomes.exit(err, "postmortem", day.postmortem().draft(plan),
                md -> write(out, err, md)));
    }

    private int write(PrintWriter out, PrintWriter err, String md) {
        if (output == null) {
            out.print(md);
            return ExitCode.OK;
        }
        try {
            Files.writeString(output, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("breakwater postmortem: " + output + ": cannot be written: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        out.println("Wrote " + output);
        return ExitCode.OK;
    }
}
