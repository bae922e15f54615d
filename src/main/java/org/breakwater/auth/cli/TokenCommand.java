package org.breakwater.auth.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.ApiToken;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater token create|list|revoke}: API tokens for pipelines and people. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Make, list and revoke API tokens for the REST API.",
            "",
            "A token stands for a user with a role: viewer (reads), service-owner of a team",
            "(changes that team's services), admin (changes anything). It is shown once and",
            "stored only as a hash. Whoever can open the store (this command) is trusted.",
            "",
            "Examples:",
            "  breakwater token create --name pkgdb-ci --user pkgdb-ci --role service-owner --team infrastructure",
            "  breakwater token list",
            "  breakwater token revoke 3",
            "  breakwater token feed create --user pingou   (read-only, for calendar and feed readers)"},
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class,
            FeedTokenCommand.class})
public final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @WritesStore
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a token and show it, once.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "what it is for")
        String name;

        @Option(names = "--user", required = true, paramLabel = "USER", description = "who it acts as")
        String user;

        @Mixin
        RoleOptions who;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> problem = who.problem();
            if (problem.isPresent()) {
                err.println("breakwater token create: " + problem.get());
                return ExitCode.INPUT_ERROR;
            }
            return store.run("token create", err, app -> {
                Optional<String> unknown = who.unknownTeam(app);
                if (unknown.isPresent()) {
                    err.println("breakwater token create: " + unknown.get());
                    return ExitCode.INPUT_ERROR;
                }
                AccessService.Issued issued = app.access().issue(name, who.principal(user));
                return shown(out, "Token " + issued.token().id() + " (" + name + ")", issued.secret(),
                        "Send it as 'Authorization: Bearer TOKEN'.");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            return store.run("token list", spec.commandLine().getErr(), app -> new Table("ID", "NAME", "USER", "ROLE",
                    "TEAM", "CREATED", "REVOKED").rows(app.access().tokens(), (ApiToken k) -> new String[] {
                        Long.toString(k.id()), k.name(), k.principal().username(), k.principal().role().id(),
                        k.principal().team().orElse("-"), Times.show(k.createdAt()),
                        k.revokedAt().map(Times::show).orElse("-")}).printed(spec.commandLine().getOut()));
        }
    }

    @WritesStore
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token; it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the token's number (token list)")
        long id;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            return revoke(spec, store, "token revoke", "Token", id, AccessService::revoke);
        }
    }

    /** Revokes token {@code id} of the kind {@code what} names through {@code revoke}; says so, or that there is no such active token. */
    static Integer revoke(CommandSpec spec, StoreOptions store, String command, String what, long id,
                          RevokeAction revoke) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String who = Users.current();
        return store.run(command, err, app -> {
            if (!revoke.revoke(app.access(), id, who)) {
                err.println("breakwater " + command + ": no active " + what.toLowerCase(java.util.Locale.ROOT) + " " + id);
                return ExitCode.INPUT_ERROR;
            }
            out.println(what + " " + id + " revoked.");
            return ExitCode.OK;
        });
    }

    /** A token just made, shown once: "LABEL: SECRET", then to keep it now and how to {@code use} it. */
    static int shown(PrintWriter out, String label, String secret, String use) {
        out.println(label + ": " + secret);
        out.println("Keep it now: it is not shown again. " + use);
        return ExitCode.OK;
    }

    /** How one kind of token is revoked. */
    interface RevokeAction {
        boolean revoke(AccessService access, long id, String by);
    }
}
