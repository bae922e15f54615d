package org.breakwater.deployday.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.IncidentService;
import org.breakwater.deployday.incident.NewIncident;
import org.breakwater.deployday.incident.Severity;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanRepository;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.traffic.OperationMatcher;
import org.breakwater.traffic.StatusCount;
import org.breakwater.traffic.TrafficService;

/**
 * Runs the breakage detection over the stored traffic counts: for each service a plan ships, the
 * calls before its cut-over (its deployment in the plan's environment) against those after, up to
 * the plan's end plus the settling period. Each breakage opens a suspected incident under a key
 * of its own (plan, service, caller, operation), so a detector run again — after a restart, on
 * another instance, or on the same lines read twice — opens nothing twice; the people concerned
 * hear of each incident once, when it is opened. Stateless between runs: everything it judges is
 * in the store.
 */
public final class Detector {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final CatalogService catalog;
    private final TrafficService traffic;
    private final PlanRepository plans;
    private final IncidentService incidents;
    private final IncidentNotices notices;
    private final DetectionPolicy policy;
    private final Clock clock;

    public Detector(CatalogService catalog, TrafficService traffic, PlanRepository plans, IncidentService incidents,
                    IncidentNotices notices, DetectionPolicy policy, Clock clock) {
        this.catalog = catalog;
        this.traffic = traffic;
        this.plans = plans;
        this.incidents = incidents;
        this.notices = notices;
        this.policy = policy;
        this.clock = clock;
    }

    /** What a run did: incidents it opened, those it found open already, and notes (a release not deployed yet...). */
    public record Run(List<Incident> opened, List<Incident> known, List<String> notes) {
    }

    /** Follow mode: every plan in progress, or done (or rolled back) less than the settling period ago. */
    public Run active() {
        Instant now = clock.instant();
        List<Plan> watched = new ArrayList<>(plans.plans(Optional.of(PlanStatus.IN_PROGRESS)));
        for (PlanStatus s : List.of(PlanStatus.DONE, PlanStatus.ROLLED_BACK)) {
            plans.plans(Optional.of(s)).stream().filter(p -> !p.end().plus(policy.settling()).isBefore(now))
                    .forEach(watched::add);
        }
        Run all = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Plan p : watched) {
            Run r = plan(p);
            all.opened().addAll(r.opened());
            all.known().addAll(r.known());
            all.notes().addAll(r.notes());
        }
        return all;
    }

    /** One plan, whatever its status (after the fact: logs read later). */
    public Run plan(Plan plan) {
        Run run = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (PlannedRelease r : plan.releases()) {
            List<Deployment> history = new ArrayList<>(catalog.history(r.service(), Optional.of(plan.environment()), 1000));
            history.sort(Comparator.comparing(Deployment::at));
            Optional<Deployment> cut = history.stream().filter(d -> d.version().equals(r.version())
                    && !d.at().isBefore(plan.start().minus(policy.baseline()))).findFirst();
            if (cut.isEmpty()) {
                run.notes().add(r.service() + " " + r.version() + " is not deployed to " + plan.environment()
                        + " yet: nothing to compare");
                continue;
            }
            service(plan, r, cut.get(), previous(history, cut.get()), run);
        }
        return run;
    }

    private Optional<OperationMatcher> previous(List<Deployment> history, Deployment cut) {
        return history.stream().filter(d -> d.at().isBefore(cut.at())).reduce((a, b) -> b)
                .flatMap(Deployment::apiHash).flatMap(catalog::api).map(OperationMatcher::of);
    }

    private void service(Plan plan, PlannedRelease r, Deployment cut, Optional<OperationMatcher> old, Run run) {
        // counts are kept by the minute: the cut-over's own minute holds the new version's first answers, so it is
        // judged with what comes after (taken for the baseline, a burst in it hid itself; DetectorCutOverMinuteTest)
        Instant at = cut.at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant until = (plan.end().isAfter(at) ? plan.end() : at).plus(policy.settling());
        List<StatusCount> before = traffic.statuses(r.service(), plan.environment(), at.minus(policy.baseline()), at);
        List<StatusCount> after = traffic.statuses(r.service(), plan.environment(), at, until);
        Instant newest = after.stream().map(StatusCount::bucket).max(Comparator.naturalOrder()).orElse(at)
                .plus(BreakageFinder.BUCKET);
        java.util.Map<String, String> names = new java.util.HashMap<>(); // a removed operation's key: as its description wrote it
        List<Breakage> found = new BreakageFinder(policy).find(at, before, after, op -> removed(old, op, names), newest);
        found.sort(Comparator.comparing(Breakage::detectedAt));
        List<String> to = null;
        for (Breakage b : found) {
            Outcome<IncidentRepository.Opened> o = incidents.open(incident(plan, r, b, names));
            if (o instanceof Outcome.Refused<IncidentRepository.Opened> refused) {
                run.notes().add(refused.reason());
                continue;
            }
            IncidentRepository.Opened opened = ((Outcome.Done<IncidentRepository.Opened>) o).value();
            if (opened.created()) {
                run.opened().add(opened.incident());
                notices.opened(opened.incident(), plan, IncidentNotices.recipients(catalog.export(), plan,
                        opened.incident().consumer().filter(c -> b.known())));
            } else {
                run.known().add(opened.incident());
            }
        }
    }

    private static Optional<String> removed(Optional<OperationMatcher> old, String unmatched,
                                            java.util.Map<String, String> names) {
        String[] parts = unmatched.split(" ", 3); // "? METHOD /path"
        if (old.isEmpty() || parts.length < 3) {
            return Optional.empty();
        }
        Optional<String> key = old.get().matchKey(parts[1], parts[2]);
        key.ifPresent(k -> names.computeIfAbsent(k, x -> old.get().match(parts[1], parts[2])
                .map(o -> o.method().toUpperCase(java.util.Locale.ROOT) + " " + o.path()).orElse(x)));
        return key;
    }

    NewIncident incident(Plan plan, PlannedRelease r, Breakage found, java.util.Map<String, String> names) {
        Breakage b = new Breakage(found.kind(), found.caller(), found.known(), names.getOrDefault(found.operation(),
                found.operation()), found.calls(), found.errors(), found.errorClass(), found.before(), found.since(),
                found.detectedAt(), found.otherOperations());
        String what = b.kind() == Breakage.Kind.SILENT ? "*silent*" : b.known() ? b.operation() : "*";
        String key = "detector:" + plan.id() + ":" + digest(r.service() + "\n" + b.caller() + "\n" + what);
        String title = title(r, b);
        Severity severity = b.kind() == Breakage.Kind.SILENT ? Severity.MINOR
                : b.calls() > 0 && (double) b.errors() / b.calls() >= 0.9 ? Severity.CRITICAL : Severity.MAJOR;
        String detail = switch (b.kind()) {
            case REMOVED -> "Calls to an operation " + r.service() + " " + r.version() + " no longer has.";
            case SILENT -> "A consumer seen before the cut-over has not called since, while others still do.";
            case FAILING -> "Error rate past the detection policy's thresholds after the cut-over.";
        } + " Suspected by the breakage detector from " + plan.environment() + " traffic.";
        return new NewIncident(Optional.of(key), title.length() > NewIncident.MAX_TITLE
                ? title.substring(0, NewIncident.MAX_TITLE - 1) + "…" : title, severity, r.service(),
                Optional.of(b.caller()), b.kind() == Breakage.Kind.SILENT ? Optional.empty() : Optional.of(b.operation()),
                Optional.of(plan.id()), List.of(), Optional.of(detail), b.detectedAt(), "detector");
    }

    static String title(PlannedRelease r, Breakage b) {
        String since = HM.format(b.since());
        String others = b.otherOperations() > 0 ? " (+" + b.otherOperations() + " other operations)" : "";
        String before = Math.round(b.before() * 100) + "% before";
        if (b.kind() == Breakage.Kind.SILENT) {
            return b.caller() + ": no calls to " + r.service() + " since " + since + " (silent since the cut-over)";
        }
        String failing = b.errors() > 0 ? b.operation() + " " + b.errorClass() + " on " + b.errors() + " of " + b.calls()
                + " calls since " + since + "; " + before : b.operation() + " called " + b.calls() + " times since " + since;
        return b.caller() + ": " + failing + (b.kind() == Breakage.Kind.REMOVED ? " (gone from " + r.service() + " "
                + r.version() + ")" : "") + others;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
