package org.breakwater.auth.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.FeedToken;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater token feed create|list|revoke}: read-only tokens for calendar and feed readers. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"Make, list and revoke feed tokens.",
            "",
            "When the server runs with --read login, calendar and feed readers cannot log in:",
            "a feed token, added to a feed's URL as ?token=TOKEN, lets them read /calendar.ics",
            "and the Atom feeds (/feeds/announcements.atom, /services/NAME/announcements.atom)",
            "as USER, and nothing else. It is shown once and stored only as a hash; it stops",
            "working when revoked or when USER's account is disabled.",
            "",
            "Examples:",
            "  breakwater token feed create --user pingou",
            "  breakwater token feed list",
            "  breakwater token feed revoke 2"},
        subcommands = {FeedTokenCommand.Create.class, FeedTokenCommand.ListTokens.class, FeedTokenCommand.Revoke.class})
public final class FeedTokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a feed token for a user and show it, once.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "USER", description = "whose feeds (an active account)")
        String user;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String who = Users.current();
            return store.run("token feed create", err, app -> Outcomes.exit(err, "token feed create",
                    app.access().issueFeedToken(user, who), issued -> TokenCommand.shown(out, "Feed token "
                            + issued.token().id() + " (" + user + ")", issued.secret(),
                            "Add it to a feed's URL: /calendar.ics?token=TOKEN")));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List feed tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            return store.run("token feed list", spec.commandLine().getErr(), app -> new Table("ID", "USER", "CREATED",
                    "REVOKED").rows(app.access().feedTokens(), (FeedToken k) -> new String[] {Long.toString(k.id()),
                        k.username(), Times.show(k.createdAt()), k.revokedAt().map(Times::show).orElse("-")})
                    .printed(spec.commandLine().getOut()));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a feed token; it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the feed token's number (token feed list)")
        long id;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            return TokenCommand.revoke(spec, store, "token feed revoke", "Feed token", id, AccessService::revokeFeedToken);
        }
    }
}
