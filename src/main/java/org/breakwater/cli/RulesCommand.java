package org.breakwater.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Profile;
import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.rule.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater rules}: the rule catalogue with a line of explanation and an example each. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List every change Breakwater detects.",
            "",
            "Each rule has a stable id (for ignore files), a level, a direction, what",
            "it means for clients, and an example.",
            "",
            "Examples:",
            "  breakwater rules",
            "  breakwater rules --level breaking",
            "  breakwater rules --profile strict-clients --level breaking",
            "  breakwater rules --json"})
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--level", paramLabel = "LEVEL", description = "only rules of this level: breaking, warning or info")
    String level;

    @Option(names = "--json", description = "print the catalogue as JSON")
    boolean json;

    @Option(names = "--markdown", description = "print the catalogue as a Markdown table (docs/rules.md is made this way)")
    boolean markdown;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "default",
            description = "show (and filter by) the levels of this profile: default or strict-clients (default: ${DEFAULT-VALUE})")
    String profile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Level only = null;
        if (level != null) {
            only = Level.parse(level).orElse(null);
            if (only == null) {
                spec.commandLine().getErr().println("breakwater rules: --level must be breaking, warning or info");
                return Main.INPUT_ERROR;
            }
        }
        Profile judged = Profile.parse(profile).orElse(null);
        if (judged == null) {
            spec.commandLine().getErr().println("breakwater rules: --profile must be " + Profile.choices());
            return Main.INPUT_ERROR;
        }
        if (json) {
            StringWriter w = new StringWriter();
            try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (Rule r : Rules.all()) {
                    if (only == null || judged.level(r) == only) {
                        g.writeStartObject();
                        g.writeStringField("id", r.id());
                        g.writeStringField("level", judged.level(r).id());
                        g.writeObjectFieldStart("levels");
                        for (Profile p : Profile.values()) {
                            g.writeStringField(p.id(), p.level(r).id());
                        }
                        g.writeEndObject();
                        g.writeStringField("direction", r.direction().name().toLowerCase(java.util.Locale.ROOT));
                        g.writeStringField("explanation", r.explanation());
                        g.writeStringField("example", r.example());
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
            }
            out.println(w);
            return Main.OK;
        }
        if (markdown) {
            out.print(markdown(only));
            return Main.OK;
        }
        int n = 0;
        for (Rule r : Rules.all()) {
            if (only != null && judged.level(r) != only) {
                continue;
            }
            n++;
            out.printf("%-48s %-8s %s%n", r.id(), judged.level(r).id(), r.explanation());
            out.printf("%-48s %-8s e.g. %s%n", "", "", r.example());
        }
        out.printf("%n%d rules.%n", n);
        return Main.OK;
    }

    /** The catalogue as Markdown; docs/rules.md must equal {@code markdown(null)} (a test checks it). */
    static String markdown(Level only) {
        return RulesDoc.markdown(only);
    }
}
