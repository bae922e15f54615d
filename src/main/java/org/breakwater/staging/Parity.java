package org.breakwater.staging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.Placement;
import org.breakwater.traffic.Crossings;

/**
 * How far a service's staging matches its production (docs/staging.md, "Parity"): what each
 * runs, the consumers active in production that staging never sees, and the production hosts
 * calling staging. The score is the share of checks passed, in percent: one check for the
 * versions, one for "no production host calls staging", and one per consumer active in
 * production in the last {@code days}. {@code productionTrafficRead}: whether any production
 * access log of the service was read for that span (without one, no consumer can be compared).
 */
public record Parity(String service, StagingPair environments, int days, Optional<Placement> staging,
                     Optional<Placement> production, Versions versions, List<ConsumerParity> consumers,
                     List<Crossings.Crossing> productionHostsCallingStaging, int unknownProductionCallers,
                     boolean productionTrafficRead) {
    public Parity {
        consumers = List.copyOf(consumers);
        productionHostsCallingStaging = List.copyOf(productionHostsCallingStaging);
    }

    /** What staging runs against what production runs, from the deployment records. */
    public enum Versions {
        SAME("same", true, "staging runs what production runs"),
        CANDIDATE("candidate", true, "staging runs a later candidate than production"),
        NOT_IN_PRODUCTION("not-in-production", true, "in staging only (not yet in production)"),
        BEHIND("behind", false, "staging runs an older version than production"),
        DRIFT("drift", false, "same version, but another API description than production's"),
        NOT_IN_STAGING("not-in-staging", false, "runs in production but was never deployed to staging"),
        NOWHERE("nowhere", true, "deployed to neither");

        private final String id;
        private final boolean passes;
        private final String label;

        Versions(String id, boolean passes, String label) {
            this.id = id;
            this.passes = passes;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public boolean passes() {
            return passes;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A consumer the catalog names, active in production in the window: its calls there, and in
     * staging ({@code stagingFromProductionHosts} of those came from production hosts).
     */
    public record ConsumerParity(String consumer, long productionCalls, Instant lastInProduction, long stagingCalls,
                                 long stagingFromProductionHosts, Optional<Instant> lastInStaging) {
        /** Whether staging sees the consumer's own staging instance: calls not all from production hosts. */
        public boolean inStaging() {
            return stagingCalls > stagingFromProductionHosts;
        }
    }

    /** Checks made: versions (unless deployed nowhere), crossings, and one per consumer. */
    public int checks() {
        return (versions == Versions.NOWHERE ? 0 : 1) + 1 + consumers.size();
    }

    public int passed() {
        return (versions == Versions.NOWHERE ? 0 : versions.passes() ? 1 : 0)
                + (productionHostsCallingStaging.isEmpty() ? 1 : 0)
                + (int) consumers.stream().filter(ConsumerParity::inStaging).count();
    }

    /** {@code 100 × passed / checks}, rounded down. */
    public int score() {
        return 100 * passed() / checks();
    }

    /** Each failed check in words, the versions first. */
    public List<String> gaps() {
        List<String> out = new ArrayList<>();
        if (!versions.passes()) {
            out.add(versions.label() + ": staging " + shown(staging) + ", production " + shown(production));
        }
        for (ConsumerParity c : consumers) {
            if (c.inStaging()) {
                continue;
            }
            out.add(c.consumer() + ": " + c.productionCalls() + " calls in production in the last " + days + " days, "
                    + (c.stagingCalls() == 0 ? "none in staging (never deployed to staging?)"
                    : "and its " + c.stagingCalls() + " staging calls all came from production hosts"));
        }
        for (Crossings.Crossing x : productionHostsCallingStaging) {
            out.add("production host " + x.address() + " (" + x.caller() + ") calls " + x.environment() + ": "
                    + x.count() + " calls, last " + org.breakwater.text.Moments.show(x.lastSeen()));
        }
        return out;
    }

    private static String shown(Optional<Placement> p) {
        return p.map(x -> x.version() + x.apiHash().map(h -> " (API " + org.breakwater.catalog.ApiDescription.shortHash(h)
                + ")").orElse("")).orElse("nothing");
    }
}
