package org.breakwater.cli.common;

import java.io.PrintWriter;
import java.time.Clock;
import org.breakwater.App;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyException;
import picocli.CommandLine.Mixin;

/**
 * The options of a command that works on the store under the deployment policy: {@link StoreOptions}
 * ({@code --db}, {@code --data-dir}) and {@link PolicyOption} ({@code --policy}), in that order, and
 * the one way such a command starts: the policy read first, then the store opened.
 */
public final class StoreAndPolicy {
    @Mixin
    StoreOptions store;

    @Mixin
    PolicyOption policy;

    /** What a command does once it has the policy and the store. */
    public interface Body {
        int run(Policy policy, App app);
    }

    /**
     * Reads the policy, opens the store and runs {@code body}; a policy that does not read (each of
     * its problems on a line) or a store that does not open is reported in words with exit code 2.
     */
    public int run(String command, PrintWriter err, Body body) {
        return ErrorReporting.guarded(command, err, () -> {
            Policy p;
            try {
                p = policy.load();
            } catch (PolicyException e) {
                err.println("breakwater " + command + ": the policy does not read: " + e.getMessage());
                e.problems().stream().skip(1).forEach(pr -> err.println("  " + pr));
                return ExitCode.INPUT_ERROR;
            }
            return body.run(p, store.open(Clock.systemUTC()));
        });
    }
}
