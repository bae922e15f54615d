package org.breakwater.meeting;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Assessor;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Gate;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanEvents;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlannedRelease;

/**
 * A service's classification agreed at a meeting when no open plan shipped the service is kept
 * ({@link ItemState#KEPT}) and becomes the {@code meeting-decision} of each later plan shipping it
 * (docs/meetings.md): when a plan is made, the newest classification of each service it ships is
 * looked up; if that is a kept one and the plan's {@code meeting-decision} gate is there and not
 * met, it is recorded through {@link PlanService#record}, as the chair's, linking the minutes'
 * line, and the item says so. A newer classification recorded on a plan (a meeting that decided
 * for that release) ends the kept one. Listens to the plans' events, so a plan made by the CLI,
 * the API or a page alike gets it.
 */
public final class KeptClassifications implements PlanEvents {
    private final MeetingRepository meetings;
    private final Supplier<PlanService> plans;

    /** {@code plans}: the plan service whose events this hears (given after it is made). */
    public KeptClassifications(MeetingRepository meetings, Supplier<PlanService> plans) {
        this.meetings = meetings;
        this.plans = plans;
    }

    @Override
    public void happened(String event, Plan plan) {
        if (event.equals("deployment.planned") || event.equals("deployment.scheduled")) {
            apply(plan);
        }
    }

    /** Records the kept classifications of {@code plan}'s services on it; what was recorded, one line each. */
    public List<String> apply(Plan plan) {
        List<StoredItem> all = meetings.classifications();
        return plan.releases().stream().map(PlannedRelease::service).distinct()
                .flatMap(service -> newest(all, service).stream())
                .filter(i -> i.state() == ItemState.KEPT)
                .flatMap(i -> record(plan, i).stream()).toList();
    }

    private static Optional<StoredItem> newest(List<StoredItem> classifications, String service) {
        return classifications.stream().filter(i -> i.decision().flatMap(DecisionCodes::decision)
                .filter(d -> d instanceof Decision.Classification c && c.service().equalsIgnoreCase(service))
                .isPresent()).findFirst();
    }

    private Optional<String> record(Plan plan, StoredItem item) {
        PlanService service = plans.get();
        if (!undecided(service.report(plan.id()))) {
            return Optional.empty();
        }
        Optional<Meeting> m = meetings.meeting(item.meetingId());
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Decision.Classification c = (Decision.Classification) item.decision().flatMap(DecisionCodes::decision)
                .orElseThrow();
        Outcome<Evidence> o = new MinutesApplier(service).record(m.get(), item, plan.id(), Assessor.MEETING_DECISION,
                item.nick(), Optional.of(c.decision()));
        if (o instanceof Outcome.Refused<Evidence>) {
            return Optional.empty();
        }
        String done = "meeting-decision " + c.decision() + " by " + item.nick() + " on plan BW-" + plan.id();
        meetings.update(item.with(ItemState.KEPT, item.target(), item.outcome() + "; recorded " + done));
        return Optional.of(done);
    }

    /** Whether the report has a {@code meeting-decision} gate still to be met. */
    private static boolean undecided(Outcome<PlanReport> report) {
        return report instanceof Outcome.Done<PlanReport> d && d.value().gates().stream()
                .filter(g -> g.id().equals(Assessor.MEETING_DECISION)).map(Gate::state)
                .anyMatch(s -> !s.passes());
    }
}
