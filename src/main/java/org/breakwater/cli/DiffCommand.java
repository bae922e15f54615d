package org.breakwater.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Format;
import org.breakwater.apidiff.report.IgnoreList;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Profile;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.cli.common.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater diff OLD NEW}: what changed between two API descriptions, and does it break clients. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Report every change between two versions of an API description.",
            "",
            "Reads OpenAPI 3.0, 3.1 and Swagger 2.0, in JSON or YAML, one file or several",
            "joined by relative $refs. Each change is judged by one question: could a",
            "client that worked against OLD fail, or silently behave differently,",
            "against NEW?",
            "",
            "Examples:",
            "  breakwater diff v1/openapi.yaml v2/openapi.yaml",
            "  breakwater diff old.json new.json -f markdown -o comment.md",
            "  breakwater diff old.json new.json --fail-on warning \\",
            "      --ignore .breakwater-ignore.yaml",
            "  breakwater diff old.json new.json --profile strict-clients",
            "  breakwater diff old.json new.json --json | jq .summary",
            ""},
        footer = {"",
            "Exit codes: 0 nothing reaches --fail-on; 1 something does; 2 usage error",
            "or unreadable input (the message names file:line:column); 3 internal error.",
            "The rules: `breakwater rules`. The JSON output: docs/diff-json.md."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the description running in production now")
    Path oldSpec;

    @Parameters(index = "1", paramLabel = "NEW", description = "the candidate release's description")
    Path newSpec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, html, junit or github (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--json", description = "print the report as JSON: the same as --format json")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "breaking",
            description = "exit 1 when a finding of this level or worse remains: breaking or warning (default: ${DEFAULT-VALUE})")
    String failOn;

    @Option(names = "--ignore", paramLabel = "FILE",
            description = "YAML list of accepted findings (id, operation, reason, optional until date);"
                    + " written as a mapping it may also choose the profile (profile:, ignore:)")
    Path ignore;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "whose clients the levels are judged for: default, or strict-clients (generated clients with"
                    + " closed enums and unions: a new response enum value or oneOf/anyOf variant is breaking unless"
                    + " the schema is marked x-extensible-enum); overrides the ignore file's profile")
    String profile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of standard output")
    Path output;

    @Option(names = "--max-spec-size", paramLabel = "SIZE", defaultValue = "64MB", converter = SizeConverter.class,
            description = "refuse description files larger than this (default: ${DEFAULT-VALUE})")
    long maxSpecSize;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "judge x-sunset dates and ignore-file expiry as of this day (default: today, UTC)")
    LocalDate date;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (json && format != Format.TEXT && format != Format.JSON) {
            err.println("breakwater diff: --json and --format " + format.id() + " contradict each other; choose one");
            return Main.INPUT_ERROR;
        }
        format = json ? Format.JSON : format;
        Level threshold = Level.parse(failOn).filter(l -> l != Level.INFO).orElse(null);
        if (threshold == null) {
            err.println("breakwater diff: --fail-on must be breaking or warning, not '" + failOn + "'");
            return Main.INPUT_ERROR;
        }
        if (output != null && Files.isDirectory(output)) {
            err.println("breakwater diff: --output " + output + " is a folder; name the report file, e.g. "
                    + output.resolve("breakwater-report." + format.id()));
            return Main.INPUT_ERROR;
        }
        LocalDate today = date != null ? date : LocalDate.now(ZoneOffset.UTC);
        Clock clock = Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        Optional<Profile> chosen = profile == null ? Optional.empty() : Profile.parse(profile);
        if (profile != null && chosen.isEmpty()) {
            err.println("breakwater diff: --profile must be " + Profile.choices() + ", not '" + profile + "'");
            return Main.INPUT_ERROR;
        }
        DiffOptions options = new DiffOptions(ReadLimits.defaults().withMaxBytes(maxSpecSize), clock);
        Report report;
        try {
            IgnoreList ignored = ignore == null ? null : IgnoreList.read(ignore);
            Optional<Profile> fromFile = ignored == null ? Optional.empty() : ignored.profile();
            ApiDiff diff = new ApiDiff(options.withProfile(chosen.or(() -> fromFile).orElse(Profile.DEFAULT)));
            report = diff.compare(oldSpec, newSpec);
            if (ignored != null) {
                report = ignored.apply(report, today);
            }
        } catch (SpecException e) {
            err.println("breakwater diff: " + Main.oneLine(e.problem().toString()));
            return Main.INPUT_ERROR;
        }
        StringWriter text = new StringWriter();
        try {
            format.renderer().render(report, text);
        } catch (IOException e) {
            err.println("breakwater diff: internal error: cannot render the " + format.id() + " report: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            try {
                ReportFiles.writeAtomically(output, text.toString());
            } catch (IOException e) {
                err.println("breakwater diff: cannot write " + output + ": " + e.getMessage());
                return Main.INPUT_ERROR;
            }
            var s = report.summary();
            err.printf("breakwater diff: %d breaking, %d warning, %d info; report written to %s%n",
                    s.breaking(), s.warning(), s.info(), output);
        }
        return report.reaches(threshold) ? Main.CHECK_FAILED : Main.OK;
    }
}
