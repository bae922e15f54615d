package org.breakwater.deployday.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.deployday.DayServices;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.deployday.roster.RosterRole;
import org.breakwater.deployday.roster.RosterView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater roster}: the deployment day's roster of a plan (docs/deployment-day.md). */
@Command(name = "roster", mixinStandardHelpOptions = true,
        description = {"The firefighting roster of a plan's deployment day.",
            "",
            "Propose it from the plan (the policy's firefighters, the owner of each service,",
            "one contact per outside team with an affected consumer), invite everyone",
            "through the outbox (with an .ics of the window and a single-use confirm link),",
            "and watch the confirmations turn the plan's roster gate green.",
            "",
            "Examples:",
            "  breakwater roster propose 1",
            "  breakwater roster invite 1 --public-url https://breakwater.fedoraproject.org",
            "  breakwater roster confirm 1 --user nirik",
            "  breakwater roster show 1 --json"},
        footer = {"", "Exit codes: 0 done; 2 unknown plan, person or role, or the store cannot be opened;",
            "3 internal error."},
        subcommands = {RosterCommand.Propose.class, RosterCommand.Show.class, RosterCommand.Add.class,
            RosterCommand.Invite.class, RosterCommand.Confirm.class})
public final class RosterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void text(PrintWriter out, RosterView v) {
        out.println("Roster of plan " + v.plan().id() + " (" + v.plan().title() + "): " + v.confirmed() + " of "
                + v.lines().size() + " confirmed");
        for (RosterView.Line l : v.lines()) {
            RosterMember m = l.member();
            out.println("  " + (m.confirmed() ? "[x] " : "[ ] ") + m.username() + " (" + l.name() + "), "
                    + m.role().id() + m.team().map(t -> " for " + t).orElse("") + ": " + m.reason()
                    + (m.confirmed() ? "; confirmed " + Times.show(m.confirmedAt().get())
                            + " (" + m.confirmedVia().orElse("?") + ")"
                    : m.invitedAt().map(i -> "; invited " + Times.show(i)).orElse("; not invited yet")));
            out.println("      " + l.localWindow() + l.outsideDay().map(w -> "  !! the window " + w).orElse(""));
        }
        if (!v.gaps().isEmpty()) {
            out.println("Gaps:");
            v.gaps().forEach(gap -> out.println("  - " + gap));
        }
    }

    /** A command that shows a plan's roster after doing something to it (or nothing). */
    abstract static class PlanRoster implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PLAN", description = "the plan's number")
        long plan;
        @Option(names = "--json", description = "print the roster as JSON")
        boolean json;
        @Mixin
        DayOptions options;

        abstract Outcome<RosterView> roster(DayServices day);

        @Override
        public Integer call() {
            String command = "roster " + spec.name();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return options.run(command, err, day -> Outcomes.exit(err, command, roster(day),
                    v -> JsonOutput.print(out, json, g -> DayJson.roster(g, v), () -> text(out, v))));
        }
    }

    @WritesStore
    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = "Propose the roster from the plan and put whoever is not on it yet on it.")
    static final class Propose extends PlanRoster {
        @Override
        Outcome<RosterView> roster(DayServices day) {
            return day.roster().propose(plan);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the roster: who confirmed, the window in each person's time, the gaps.")
    static final class Show extends PlanRoster {
        @Override
        Outcome<RosterView> roster(DayServices day) {
            return day.roster().view(plan);
        }
    }

    @WritesStore
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Put someone on the roster by hand (to fill a gap).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PLAN", description = "the plan's number")
        long plan;
        @Parameters(index = "1", paramLabel = "USER", description = "their username in the catalog")
        String user;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "firefighter, owner or contact")
        String role;
        @Option(names = "--team", paramLabel = "TEAM", description = "the outside team a contact answers for")
        String team;
        @Mixin
        DayOptions options;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<RosterRole> r = RosterRole.parse(role);
            if (r.isEmpty()) {
                err.println("breakwater roster add: no role '" + role + "'; one of firefighter, owner, contact");
                return ExitCode.INPUT_ERROR;
            }
            return options.run("roster add", err, day -> Outcomes.say(spec.commandLine().getOut(), err, "roster add",
                    day.roster().add(plan, user, r.get(), Optional.ofNullable(team), Users.current()),
                    m -> "Added " + user + " to plan " + plan + "'s roster as " + role));
        }
    }

    @WritesStore
    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = {"Invite everyone on the roster not yet confirmed: a mail into the outbox with the window",
                "as an .ics and a single-use confirm link (deliver it with serve or `announce deliver`)."})
    static final class Invite implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PLAN", description = "the plan's number")
        long plan;
        @Option(names = "--public-url", required = true, paramLabel = "URL",
                description = "the server's public URL, which confirm links start with (serve --public-url)")
        String url;
        @Option(names = "--json", description = "print who was invited as JSON")
        boolean json;
        @Mixin
        DayOptions options;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
                err.println("breakwater roster invite: --public-url '" + url + "' is not an http(s) URL");
                return ExitCode.INPUT_ERROR;
            }
            return options.run("roster invite", err, day -> Outcomes.exit(err, "roster invite",
                    day.roster().invite(plan, url), invited -> JsonOutput.print(out, json, g -> {
                        g.writeStartArray();
                        for (RosterMember m : invited) {
                            DayJson.member(g, m);
                        }
                        g.writeEndArray();
                    }, () -> out.println(invited.isEmpty() ? "Nobody to invite (everyone confirmed, or no mail address)"
                            : "Invited " + String.join(", ", invited.stream().map(RosterMember::username).toList())
                            + "; the mails are in the outbox"))));
        }
    }

    @WritesStore
    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "Confirm a person on the roster (yourself by default), or use a confirm link's token.")
    static final class Confirm implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "the plan's number")
        Long plan;
        @Option(names = "--user", paramLabel = "USER", description = "who confirms (default: $USER)")
        String user;
        @Option(names = "--token", paramLabel = "TOKEN", description = "the token of a confirm link (instead of PLAN)")
        String token;
        @Mixin
        DayOptions options;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            if ((plan == null) == (token == null)) {
                err.println("breakwater roster confirm: give PLAN, or --token TOKEN from a confirm link");
                return ExitCode.INPUT_ERROR;
            }
            String who = Users.or(user);
            return options.run("roster confirm", err, day -> token != null
                    ? Outcomes.say(out, err, "roster confirm", day.roster().confirmByLink(token),
                            m -> confirmed(m.username(), m.planId()))
                    : Outcomes.say(out, err, "roster confirm", day.roster().confirm(plan, who, "cli"),
                            all -> confirmed(who, plan)));
        }

        private static String confirmed(String who, long plan) {
            return "Confirmed " + who + " on plan " + plan + "'s roster";
        }
    }
}
