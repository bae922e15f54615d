package org.breakwater.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.apidiff.compare.SpecComparator;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.breakwater.policy.Applicability;
import org.breakwater.policy.Policy;

/**
 * Judges a plan: for each release, its API description against the one recorded for the
 * target environment, who each break reaches, the version step, and the policy's verdict.
 */
public final class Assessor {
    /** The gate whose evidence records a borderline service's meeting decision. */
    public static final String MEETING_DECISION = "meeting-decision";

    private final CatalogService catalog;

    public Assessor(CatalogService catalog) {
        this.catalog = catalog;
    }

    public Assessment assess(Plan plan, Policy policy, List<Evidence> evidence, LocalDate today) {
        List<ReleaseAssessment> releases = new ArrayList<>();
        for (PlannedRelease r : plan.releases()) {
            releases.add(release(plan, r, policy, evidence, today));
        }
        Set<String> owners = new TreeSet<>();
        releases.forEach(r -> r.impacts().forEach(i -> i.consumers().forEach(a -> owners.add(a.consumer().owner()))));
        List<String> outside = new ArrayList<>();
        for (Team t : catalog.export().teams()) {
            if (!t.infrastructure() && owners.contains(t.name())) {
                outside.add(t.name());
            }
        }
        return new Assessment(plan, releases, outside, planVerdict(releases), policy.hash());
    }

    private ReleaseAssessment release(Plan plan, PlannedRelease r, Policy policy, List<Evidence> evidence,
                                      LocalDate today) {
        Service service = catalog.service(r.service()).orElseThrow(() ->
                new IllegalStateException("service " + r.service() + " left the catalog"));
        Optional<Placement> current = catalog.placement(r.service(), plan.environment());
        boolean deployed = current.isPresent() && current.get().version().equals(r.version());
        if (deployed) {
            // the release runs there already (the plan is under way or done): it is judged against
            // what ran before it, so its breaks and their consumers stay on the plan afterwards
            Instant before = current.get().since().minusMillis(1);
            current = catalog.where(Optional.of(r.service()), before) instanceof Outcome.Done<List<Placement>> d
                    ? d.value().stream().filter(p -> p.environment().equals(plan.environment())).findFirst()
                    : Optional.empty();
        }
        DiffOutcome diff = diff(r, current, today);
        List<BreakImpact> impacts = new ArrayList<>();
        if (diff instanceof DiffOutcome.Compared c) {
            for (Finding f : c.report().findings()) {
                if (f.level() == org.breakwater.apidiff.rule.Level.BREAKING) {
                    impacts.add(new BreakImpact(f, consumers(r.service(), f)));
                }
            }
        }
        boolean breaks = !impacts.isEmpty();
        boolean compared = diff instanceof DiffOutcome.Compared;
        SemverCheck semver = current.map(p -> SemverCheck.of(p.version(), r.version(), breaks, compared))
                .orElse(new SemverCheck(SemverCheck.Outcome.NOT_CHECKED, "first deployment: no earlier version"));
        PolicyVerdict verdict = verdict(service, r, current, diff, breaks, policy, evidence);
        return new ReleaseAssessment(r, service, current, diff, impacts, semver, verdict, deployed);
    }

    private DiffOutcome diff(PlannedRelease r, Optional<Placement> current, LocalDate today) {
        if (current.isEmpty()) {
            return new DiffOutcome.FirstDeployment();
        }
        if (r.apiHash().isEmpty()) {
            return new DiffOutcome.NoDescription(r.service() + " " + r.version() + " has no API description"
                    + " (give one with --spec, or record it with the release)");
        }
        if (current.get().apiHash().isEmpty()) {
            return new DiffOutcome.NoDescription(r.service() + " " + current.get().version()
                    + ", which runs now, was recorded without an API description");
        }
        Optional<ApiSpec> older = catalog.api(current.get().apiHash().get());
        Optional<ApiSpec> newer = catalog.api(r.apiHash().get());
        if (older.isEmpty() || newer.isEmpty()) {
            return new DiffOutcome.NoDescription("a stored API description no longer reads");
        }
        List<Finding> findings = new SpecComparator(today).compare(older.get(), newer.get());
        return new DiffOutcome.Compared(new Report(current.get().version(), r.version(),
                older.get().apiVersion(), newer.get().apiVersion(), findings, List.of(), List.of()));
    }

    private List<AffectedConsumer> consumers(String service, Finding f) {
        Outcome<List<AffectedConsumer>> o = catalog.consumers(service,
                f.operation().isEmpty() ? Optional.empty() : Optional.of(f.operation()), true);
        return o instanceof Outcome.Done<List<AffectedConsumer>> d ? d.value() : List.of();
    }

    private static PolicyVerdict verdict(Service service, PlannedRelease r, Optional<Placement> current,
                                         DiffOutcome diff, boolean breaks, Policy policy, List<Evidence> evidence) {
        Tier tier = service.tier();
        Applicability rule = policy.appliesTo().get(tier);
        String what = tier.id() + " service " + service.name();
        boolean major = current.flatMap(p -> Version.parse(p.version()))
                .flatMap(a -> Version.parse(r.version()).map(b -> a.stepTo(b) == Version.Step.MAJOR)).orElse(false);
        String change = breaks ? "breaks the API" : major ? "is a new major version (" + current.get().version()
                + " → " + r.version() + ")" + (diff instanceof DiffOutcome.NoDescription ? "; whether its API breaks is"
                + " unknown (not compared)" : "") : "";
        if (rule == Applicability.ALWAYS) {
            return new PolicyVerdict.Applies("the policy applies to every release of a " + what);
        }
        if (rule == Applicability.NEVER) {
            return new PolicyVerdict.Exempt(what + " is exempt (" + tier.id() + " tier); its consumers are still told");
        }
        if (diff instanceof DiffOutcome.FirstDeployment) {
            return new PolicyVerdict.Exempt("first deployment of " + service.name() + ": nothing runs there to break");
        }
        if (!breaks && !major) {
            return new PolicyVerdict.Exempt(service.name() + " " + r.version() + (diff instanceof DiffOutcome.NoDescription n
                    ? " is not a new major version; whether its API breaks is unknown (not compared: " + n.why() + ")"
                    : " has no API breaks and is not a new major version"));
        }
        if (rule == Applicability.BREAKS_OR_MAJOR) {
            return new PolicyVerdict.Applies(what + " " + r.version() + " " + change);
        }
        Optional<Evidence> decision = evidence.stream().filter(e -> e.gate().equals(MEETING_DECISION))
                .filter(e -> e.decision().isPresent()).reduce((a, b) -> b);
        if (decision.isPresent()) {
            String minutes = " (meeting of " + decision.get().at().toString().substring(0, 10) + ": "
                    + decision.get().evidence() + ")";
            return decision.get().decision().get().equals("applies")
                    ? new PolicyVerdict.Applies(what + " " + change + "; the weekly meeting decided the policy applies" + minutes)
                    : new PolicyVerdict.Exempt(what + " " + change + "; the weekly meeting decided it is exempt" + minutes);
        }
        return new PolicyVerdict.Undecided(what + " " + r.version() + " " + change
                + ": a weekly meeting must decide whether the policy applies (record it: gate record PLAN "
                + MEETING_DECISION + " --decision applies|exempt --evidence MINUTES)");
    }

    private static PolicyVerdict planVerdict(List<ReleaseAssessment> releases) {
        List<String> applies = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> exempt = new ArrayList<>();
        for (ReleaseAssessment r : releases) {
            (r.verdict() instanceof PolicyVerdict.Applies ? applies
                    : r.verdict() instanceof PolicyVerdict.Undecided ? undecided : exempt).add(r.verdict().reason());
        }
        if (!applies.isEmpty()) {
            return new PolicyVerdict.Applies(String.join("; ", applies));
        }
        if (!undecided.isEmpty()) {
            return new PolicyVerdict.Undecided(String.join("; ", undecided));
        }
        return new PolicyVerdict.Exempt(String.join("; ", exempt));
    }
}
