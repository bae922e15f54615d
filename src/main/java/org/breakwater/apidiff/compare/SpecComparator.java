package org.breakwater.apidiff.compare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Profile;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.Source;

/**
 * Compares two API descriptions: servers, security schemes, then every operation, matched
 * by method and path with parameter names erased. Start here to follow a comparison.
 */
public final class SpecComparator {
    private final LocalDate today;
    private final Profile profile;

    /** @param today the date against which x-sunset dates are judged */
    public SpecComparator(LocalDate today) {
        this(today, Profile.DEFAULT);
    }

    /** @param profile whose clients the levels are judged for */
    public SpecComparator(LocalDate today, Profile profile) {
        this.today = today;
        this.profile = profile;
    }

    /**
     * Every finding, within the default {@link CompareLimits}: a comparison that ran out of
     * steps ends with a {@code comparison-incomplete} finding, which is breaking.
     */
    public List<Finding> compare(ApiSpec oldSpec, ApiSpec newSpec) {
        return compare(oldSpec, newSpec, CompareLimits.defaults(), () -> false).findings();
    }

    /**
     * Compares within {@code limits}, and stops (with a {@code comparison-incomplete} finding)
     * once {@code overtime} says the time is up; it is asked every few thousand steps.
     */
    public Comparison compare(ApiSpec oldSpec, ApiSpec newSpec, CompareLimits limits, BooleanSupplier overtime) {
        Budget budget = new Budget(limits.maxSteps(), overtime);
        Findings out = new Findings(limits.maxFindings(), budget, c -> profile.judge(c.rule(), newSpec.extensible(c.source())));
        Optional<Comparison.Stop> stop = Optional.empty();
        try {
            compare(oldSpec, newSpec, out, budget);
        } catch (Budget.Exhausted e) {
            stop = Optional.of(stop(e, limits));
        }
        List<Finding> sorted = new ArrayList<>(out.list());
        stop.ifPresent(s -> sorted.add(new Finding(Rules.COMPARISON_INCOMPLETE, "",
                new Source(newSpec.file(), "", 0, 0), false, s.message())));
        sorted.sort(ORDER);
        return new Comparison(sorted, out.omitted(), stop);
    }

    private static Comparison.Stop stop(Budget.Exhausted e, CompareLimits limits) {
        String why = e.reason == Comparison.Stop.Reason.STEPS
                ? String.format("the comparison stopped after %,d steps, its limit", limits.maxSteps())
                : String.format("the comparison ran past its time limit and stopped after %,d steps", e.steps);
        return new Comparison.Stop(e.reason, e.steps, why + ": the descriptions multiply (YAML aliases or"
                + " $refs shared many times over) beyond what a comparison may cost; changes past that point"
                + " are not reported, so treat the release as breaking");
    }

    private void compare(ApiSpec oldSpec, ApiSpec newSpec, Findings out, Budget budget) {
        ServerComparator servers = new ServerComparator(out);
        servers.compareDocument(oldSpec, newSpec);
        SecurityComparator security = new SecurityComparator(oldSpec, newSpec, out);
        security.compareSchemes();
        SchemaComparator schemas = new SchemaComparator(oldSpec, newSpec, budget);
        OperationComparator operations = new OperationComparator(schemas, out);
        CallbackComparator callbacks = new CallbackComparator(operations, schemas, out);
        LinkComparator links = new LinkComparator(out);
        for (Map.Entry<String, Operation> e : oldSpec.operations().entrySet()) {
            Operation n = newSpec.operations().get(e.getKey());
            if (n == null) {
                operations.removed(e.getValue(), today);
            } else {
                operations.compare(e.getValue(), n);
                security.compare(e.getValue(), n, n.label());
                callbacks.compareCallbacks(e.getValue(), n);
                links.compare(e.getValue(), n);
                servers.compareOperation(e.getValue(), n, oldSpec, newSpec);
            }
        }
        for (Map.Entry<String, Operation> e : newSpec.operations().entrySet()) {
            if (!oldSpec.operations().containsKey(e.getKey())) {
                Operation n = e.getValue();
                out.add(Rules.ENDPOINT_ADDED, n.label(), n.source(), false, n.label() + " added");
            }
        }
        webhooks(oldSpec, newSpec, out, callbacks);
    }

    /**
     * Webhooks removed or added; a kept webhook's bodies are compared with the directions
     * flipped (the API sends the request, subscribers answer), see {@link CallbackComparator}.
     */
    private static void webhooks(ApiSpec oldSpec, ApiSpec newSpec, Findings out, CallbackComparator callbacks) {
        for (Map.Entry<String, Operation> e : oldSpec.webhooks().entrySet()) {
            Operation o = e.getValue();
            Operation n = newSpec.webhooks().get(e.getKey());
            if (n == null) {
                out.add(Rules.WEBHOOK_REMOVED, webhookLabel(o), o.source(), true, webhookLabel(o) + " removed");
            } else {
                callbacks.compareReversed(o, n, webhookLabel(n), "webhook");
            }
        }
        for (Map.Entry<String, Operation> e : newSpec.webhooks().entrySet()) {
            if (!oldSpec.webhooks().containsKey(e.getKey())) {
                Operation n = e.getValue();
                out.add(Rules.WEBHOOK_ADDED, webhookLabel(n), n.source(), false, webhookLabel(n) + " added");
            }
        }
    }

    /** "webhook POST newPet": apart from every operation's "METHOD /path". */
    private static String webhookLabel(Operation o) {
        return "webhook " + o.label();
    }

    /** Breaking first; within a level by operation, then by where the change is written. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::level)
            .thenComparing(Finding::operation)
            .thenComparing(f -> f.source().file())
            .thenComparingInt(f -> f.source().line())
            .thenComparing(Finding::id)
            .thenComparing(Finding::message);
}
