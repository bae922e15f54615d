package org.breakwater.deployday.cli;

import java.io.PrintWriter;
import org.breakwater.announce.cli.AnnounceOptions;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.deployday.DayServices;
import picocli.CommandLine.Mixin;

/** What every deployment-day command needs: the store, the policy, the templates and the sender. */
public final class DayOptions {
    @Mixin
    StoreAndPolicy base;

    @Mixin
    AnnounceOptions.Writing writing;

    /** What a command does with the day's services. */
    public interface Body {
        int run(DayServices day);
    }

    /** Opens everything and runs {@code body}; a policy, template or store that does not read is reported in words. */
    public int run(String command, PrintWriter err, Body body) {
        return writing.run(base, command, err, (policy, app, templates) ->
                body.run(app.day(policy, templates, writing.sender())));
    }
}
