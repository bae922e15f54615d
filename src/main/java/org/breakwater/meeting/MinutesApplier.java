package org.breakwater.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlannedRelease;

/**
 * Turns one matched item into what it proves on the plans (docs/meetings.md, "Evidence"): a plan
 * discussed gets {@code meeting} evidence (once per meeting), a classification gets the
 * {@code meeting-decision} of every open plan shipping the service, a freeze break approved gets a
 * {@code freeze} approval in the chair's name. Everything goes through {@link PlanService#record},
 * so a plan refuses here what it refuses by hand; the refusal is kept as the item's outcome.
 */
final class MinutesApplier {
    /** The gate a discussed plan's evidence goes to. */
    static final String MEETING = "meeting";

    private final PlanService plans;

    MinutesApplier(PlanService plans) {
        this.plans = plans;
    }

    /** What applying did: the item's new state and a line saying what was recorded (or why nothing was). */
    record Applied(ItemState state, String outcome) {
    }

    /** Breakwater's own page for the line: {@code /meetings/3#line-26}. */
    static String link(Meeting m, int line) {
        return "/meetings/" + m.id() + "#line-" + line;
    }

    /** The open plans (draft, scheduled, in progress) that ship {@code service}. */
    List<Plan> shipping(String service) {
        return openPlans().stream().filter(p -> p.releases().stream().map(PlannedRelease::service)
                .anyMatch(service::equalsIgnoreCase)).toList();
    }

    List<Plan> openPlans() {
        return plans.list(Optional.empty()).stream().filter(p -> p.status().open()).toList();
    }

    /**
     * Applies {@code item} as meaning {@code target}; {@code discussed} lists the plans of this
     * meeting that have their {@code meeting} evidence already (it grows as plans get theirs).
     */
    Applied apply(Meeting m, StoredItem item, String target, Optional<Decision> decision, List<Long> discussed) {
        Optional<Long> plan = DecisionCodes.plan(target);
        if (plan.isPresent()) {
            if (decision.isPresent() && decision.get() instanceof Decision.FreezeBreak) {
                return one(record(m, item, plan.get(), "freeze", item.nick(), Optional.empty()), "freeze-break approval by "
                        + item.nick() + " on plan BW-" + plan.get());
            }
            Applied a = discussed(m, item, plan.get(), discussed);
            if (decision.isPresent() && decision.get() instanceof Decision.DeploymentDate d) {
                return new Applied(a.state(), a.outcome() + "; agreed: deployment on " + d.date() + plans.plan(plan.get())
                        .map(p -> LocalDate.ofInstant(p.start(), ZoneOffset.UTC)).map(start -> start.equals(d.date())
                                ? " (the plan's day)" : " — the plan starts " + start + ": move it (plan reschedule "
                                + plan.get() + ") or correct the minutes").orElse(""));
            }
            return a;
        }
        String service = DecisionCodes.service(target).orElseThrow();
        List<Plan> shipping = shipping(service);
        if (decision.isPresent() && decision.get() instanceof Decision.Classification c) {
            if (shipping.isEmpty()) {
                return new Applied(ItemState.KEPT, c.describe() + "; no open plan ships " + service + ": kept, and"
                        + " recorded as the meeting-decision of the later plans that ship it");
            }
            List<String> done = new ArrayList<>();
            for (Plan p : shipping) {
                Outcome<Evidence> o = record(m, item, p.id(), "meeting-decision", item.nick(), Optional.of(c.decision()));
                done.add(o instanceof Outcome.Refused<Evidence> r ? "plan BW-" + p.id() + " refused it: " + r.reason()
                        : "meeting-decision " + c.decision() + " by " + item.nick() + " on plan BW-" + p.id());
            }
            boolean any = done.stream().anyMatch(s -> s.startsWith("meeting-decision"));
            return new Applied(any ? ItemState.APPLIED : ItemState.NOTED, "recorded " + String.join("; ", done));
        }
        if (shipping.size() == 1) {
            return discussed(m, item, shipping.get(0).id(), discussed);
        }
        return new Applied(ItemState.NOTED, "names service " + service + ", which no open plan ships: nothing to record");
    }

    private Applied discussed(Meeting m, StoredItem item, long plan, List<Long> discussed) {
        if (discussed.contains(plan)) {
            return new Applied(ItemState.APPLIED, "plan BW-" + plan + " discussed (its meeting evidence is the"
                    + " meeting's first line about it)");
        }
        Outcome<Evidence> o = record(m, item, plan, MEETING, m.owner(), Optional.empty());
        if (o instanceof Outcome.Done) {
            discussed.add(plan);
        }
        return one(o, "meeting evidence on plan BW-" + plan + ": discussed on " + m.date());
    }

    private static Applied one(Outcome<Evidence> o, String what) {
        if (o instanceof Outcome.Refused<Evidence> r) {
            return new Applied(ItemState.NOTED, "nothing recorded: the plan refused it: " + r.reason());
        }
        return new Applied(ItemState.APPLIED, "recorded " + what);
    }

    Outcome<Evidence> record(Meeting m, StoredItem item, long plan, String gate, String by,
                                     Optional<String> decision) {
        Instant at = m.date().atTime(item.time()).toInstant(ZoneOffset.UTC);
        String note = "discussed on " + m.date() + ", line " + item.line() + " of " + m.source();
        String who = by.length() > 100 ? by.substring(0, 100) : by;
        return plans.record(plan, gate, link(m, item.line()), who, Optional.of(at), Optional.of(note), decision);
    }
}
