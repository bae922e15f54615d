package org.breakwater.deployday.incident.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.TimeConverter;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentService;
import org.breakwater.deployday.incident.NewIncident;
import org.breakwater.deployday.incident.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands that change incidents: open, ack, assign, resolve, merge; each prints the incident after. */
final class IncidentChanges {
    private IncidentChanges() {
    }

    /** What each change command shares: who, --json, the store; runs one change and prints its outcome. */
    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--as", paramLabel = "USER", description = "who does it (default: $USER)")
        String as;
        @Option(names = "--json", description = "print the incident as JSON")
        boolean json;
        @Mixin
        StoreOptions store;

        abstract Outcome<Incident> change(IncidentService incidents, String by);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String command = "incident " + spec.name();
            return store.run(command, err, app -> Outcomes.exit(err, command, change(app.incidents(), Users.or(as)),
                    i -> JsonOutput.print(out, json, g -> IncidentJson.incident(g, i),
                            () -> IncidentCommand.table(out, List.of(i)))));
        }
    }

    @WritesStore
    @Command(name = "open", mixinStandardHelpOptions = true, description = "Open an incident by hand.")
    static final class Open extends Change {
        @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "the service that broke")
        String service;
        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "what is wrong, in one line")
        String title;
        @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "major", description = "critical, major or minor")
        String severity;
        @Option(names = "--consumer", paramLabel = "NAME", description = "the consumer that fails, if one does")
        String consumer;
        @Option(names = "--operation", paramLabel = "KEY", description = "e.g. 'GET /acls/name/{package}'")
        String operation;
        @Option(names = "--plan", paramLabel = "ID", description = "the plan whose deployment caused it")
        Long plan;
        @Option(names = "--link", paramLabel = "URL", description = "a ticket, a chat log... (repeat for more)")
        List<String> links = new ArrayList<>();
        @Option(names = "--detail", paramLabel = "TEXT", description = "more about it")
        String detail;
        @Option(names = "--detected", paramLabel = "TIME", converter = TimeConverter.class,
                description = "when it was noticed (default: now)")
        Instant detected;

        @Override
        Outcome<Incident> change(IncidentService incidents, String by) {
            Optional<Severity> s = Severity.parse(severity);
            if (s.isEmpty()) {
                return Outcome.refused("no severity '" + severity + "'; one of " + Severity.choices());
            }
            NewIncident n;
            try {
                n = new NewIncident(Optional.empty(), title, s.get(), service, Optional.ofNullable(consumer),
                        Optional.ofNullable(operation), Optional.ofNullable(plan), links, Optional.ofNullable(detail),
                        detected == null ? Clock.systemUTC().instant() : detected, by);
            } catch (IllegalArgumentException e) {
                return Outcome.refused(e.getMessage());
            }
            return incidents.open(n).map(o -> o.incident());
        }
    }

    @WritesStore
    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge an open incident: you are on it.")
    static final class Ack extends Change {
        @Parameters(paramLabel = "ID", description = "the incident's number")
        long id;

        @Override
        Outcome<Incident> change(IncidentService incidents, String by) {
            return incidents.acknowledge(id, by);
        }
    }

    @WritesStore
    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Give an incident to someone.")
    static final class Assign extends Change {
        @Parameters(index = "0", paramLabel = "ID", description = "the incident's number")
        long id;
        @Parameters(index = "1", paramLabel = "PERSON", description = "who takes it (a username)")
        String person;

        @Override
        Outcome<Incident> change(IncidentService incidents, String by) {
            return incidents.assign(id, person, by);
        }
    }

    @WritesStore
    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve an incident.")
    static final class Resolve extends Change {
        @Parameters(paramLabel = "ID", description = "the incident's number")
        long id;
        @Option(names = "--note", paramLabel = "TEXT", description = "what fixed it")
        String note;

        @Override
        Outcome<Incident> change(IncidentService incidents, String by) {
            return incidents.resolve(id, by, Optional.ofNullable(note));
        }
    }

    @WritesStore
    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge a duplicate incident into another.")
    static final class Merge extends Change {
        @Parameters(paramLabel = "ID", description = "the duplicate")
        long id;
        @Option(names = "--into", required = true, paramLabel = "ID", description = "the incident that stays")
        long into;

        @Override
        Outcome<Incident> change(IncidentService incidents, String by) {
            return incidents.merge(id, into, by);
        }
    }
}
