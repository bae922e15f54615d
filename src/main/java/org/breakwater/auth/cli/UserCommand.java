package org.breakwater.auth.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.auth.Account;
import org.breakwater.auth.Principal;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater user add|list|passwd|disable}: local accounts for the web pages. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Manage the local accounts that log in to the web pages.",
            "",
            "An account is a user with a role: viewer (reads), service-owner of a team",
            "(changes that team's services and plans), admin (changes anything). Passwords",
            "are stored as slow PBKDF2 hashes; they are read from the terminal, or from",
            "standard input with --password-stdin, never from the command line. Pipelines",
            "use API tokens instead (breakwater token). Whoever can open the store is trusted.",
            "",
            "Examples:",
            "  breakwater user add pingou --role service-owner --team infrastructure",
            "  printf '%s\\n' \"$PASSWORD\" | breakwater user add ci-admin --role admin --password-stdin",
            "  breakwater user list",
            "  breakwater user passwd pingou",
            "  breakwater user disable pingou"},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class,
            UserCommand.Disable.class})
public final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The new password: from standard input (one line) or asked twice on the terminal. */
    static Optional<String> password(boolean stdin, PrintWriter err, String command) {
        if (stdin) {
            String line;
            try {
                line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                err.println("breakwater " + command + ": cannot read standard input: " + e.getMessage());
                return Optional.empty();
            }
            if (line == null || line.isEmpty()) {
                err.println("breakwater " + command + ": --password-stdin read no password");
                return Optional.empty();
            }
            return Optional.of(line);
        }
        Console console = System.console();
        if (console == null) {
            err.println("breakwater " + command + ": no terminal to ask for the password; use --password-stdin");
            return Optional.empty();
        }
        char[] first = console.readPassword("New password: ");
        char[] again = console.readPassword("Again: ");
        try {
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("breakwater " + command + ": the two passwords differ");
                return Optional.empty();
            }
            return Optional.of(new String(first));
        } finally {
            if (first != null) {
                Arrays.fill(first, ' ');
            }
            if (again != null) {
                Arrays.fill(again, ' ');
            }
        }
    }

    static int answer(Outcome<Account> o, PrintWriter out, PrintWriter err, String command, String done) {
        return Outcomes.say(out, err, command, o, a -> done + ": " + a.username() + " (" + describe(a.principal()) + ")");
    }

    static String describe(Principal p) {
        return p.role().id() + p.team().map(t -> " of " + t).orElse("");
    }

    @WritesStore
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Make an account, or change its role (which ends its sessions).",
                "Asks for a password unless --no-password (OpenID Connect only)."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USER", description = "the user name (letters, digits, . _ @ -)")
        String user;

        @Mixin
        RoleOptions who;

        @Option(names = "--password-stdin", description = "read the password from standard input")
        boolean stdin;

        @Option(names = "--no-password", description = "no password: the user logs in through OpenID Connect")
        boolean noPassword;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> problem = who.problem();
            if (problem.isPresent()) {
                err.println("breakwater user add: " + problem.get());
                return ExitCode.INPUT_ERROR;
            }
            String by = Users.current();
            return store.run("user add", err, app -> {
                Optional<String> unknown = who.unknownTeam(app);
                if (unknown.isPresent()) {
                    err.println("breakwater user add: " + unknown.get());
                    return ExitCode.INPUT_ERROR;
                }
                Optional<String> password = Optional.empty();
                if (!noPassword) {
                    password = password(stdin, err, "user add");
                    if (password.isEmpty()) {
                        return ExitCode.INPUT_ERROR;
                    }
                }
                return answer(app.access().saveAccount(who.principal(user),
                        password, by), out, err, "user add", "Saved");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts (never their passwords).")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            return store.run("user list", spec.commandLine().getErr(), app -> new Table("USER", "ROLE", "TEAM", "LOGIN",
                    "CREATED", "DISABLED").rows(app.access().accounts(), (Account a) -> new String[] {a.username(),
                        a.principal().role().id(), a.principal().team().orElse("-"),
                        a.passwordHash().isPresent() ? "password" : "oidc", Times.show(a.createdAt()),
                        a.disabledAt().map(Times::show).orElse("-")}).printed(spec.commandLine().getOut()));
        }
    }

    @WritesStore
    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a new password; the user's sessions end.")
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USER", description = "the account whose password changes")
        String user;

        @Option(names = "--password-stdin", description = "read the password from standard input")
        boolean stdin;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String by = Users.current();
            return store.run("user passwd", err, app -> {
                Optional<String> password = password(stdin, err, "user passwd");
                if (password.isEmpty()) {
                    return ExitCode.INPUT_ERROR;
                }
                return answer(app.access().setPassword(user, password.get(), by), out, err, "user passwd",
                        "Password changed");
            });
        }
    }

    @WritesStore
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account; its sessions end at once (user add enables it again).")
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USER", description = "the account to disable")
        String user;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String by = Users.current();
            return store.run("user disable", err, app ->
                    answer(app.access().disable(user, by), out, err, "user disable", "Disabled"));
        }
    }
}
