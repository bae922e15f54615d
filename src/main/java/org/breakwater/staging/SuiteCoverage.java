package org.breakwater.staging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.PlanReport;

/**
 * Coverage fed by the suites' runs: each suite's identify rule ({@link StagingSuite#identify()})
 * with the windows of its finished runs in the last days, handed to {@link CoverageService}; and
 * by the replays ({@link ReplayCoverage}): the operations whose calls the candidate answered. A
 * run's window is widened to whole seconds (access logs say the second, not the millisecond).
 */
public final class SuiteCoverage {
    private final SuiteRepository suites;
    private final CoverageService coverage;
    private final Clock clock;
    private final ReplayCoverage replays;

    public SuiteCoverage(SuiteRepository suites, CoverageService coverage, Clock clock) {
        this(suites, coverage, clock, ReplayCoverage.NONE);
    }

    /** {@code replays}: what the replays exercised, counted beside the suites' calls. */
    public SuiteCoverage(SuiteRepository suites, CoverageService coverage, Clock clock, ReplayCoverage replays) {
        this.suites = suites;
        this.coverage = coverage;
        this.clock = clock;
        this.replays = replays;
    }

    /** The suites covering {@code service} with an identify rule, each with its finished runs' windows (maybe none). */
    public List<Coverage.Source> sources(String service, int days) {
        List<Coverage.Source> out = new ArrayList<>();
        for (StagingSuite s : suites.suites()) {
            Optional<TestCallers> callers = s.callers();
            if (s.covers(service) && callers.isPresent()) {
                out.add(new Coverage.Source(s.name(), callers.get(), windows(s.name(), days)));
            }
        }
        return out;
    }

    /** Coverage of {@code service} by suite {@code suite}: its rule, its runs of the last {@code days} days. */
    public Outcome<Coverage> suite(String suite, String service, String environment, int days) {
        Optional<StagingSuite> s = suites.suite(suite);
        if (s.isEmpty()) {
            return Outcome.refused("no suite '" + suite + "'");
        }
        if (s.get().callers().isEmpty()) {
            return Outcome.refused("suite " + suite + " has no identify rule, so its calls cannot be told apart in the"
                    + " access logs (identify: in its catalog entry, or staging suite add --identify)");
        }
        List<Coverage.Window> windows = windows(suite, days);
        if (windows.isEmpty()) {
            return Outcome.refused("suite " + suite + " has no finished run in the last " + days + " days");
        }
        return coverage.coverage(service, environment, windows.subList(Math.max(0, windows.size()
                - CoverageService.MAX_WINDOWS), windows.size()), s.get().callers().get());
    }

    /**
     * The operations the plan's releases change that no suite covering their service called in its
     * runs, and that no replay against {@code staging} of the last {@code days} sent and had answered.
     */
    public List<Coverage.Untested> untested(PlanReport report, String staging, int days) {
        Coverage.Window period = period(days);
        return coverage.untested(report, staging, service -> sources(service, days),
                service -> replays.exercised(service, staging, period).keySet());
    }

    /** Coverage of {@code service} by the replays against {@code environment} of the last {@code days} days. */
    public Outcome<Coverage> replay(String service, String environment, int days) {
        Coverage.Window period = period(days);
        List<Coverage.Window> windows = replays.windows(service, environment, period);
        return coverage.replayed(service, environment, windows.subList(Math.max(0, windows.size()
                - CoverageService.MAX_WINDOWS), windows.size()), replays.exercised(service, environment, period));
    }

    private Coverage.Window period(int days) {
        Instant now = clock.instant();
        return new Coverage.Window(now.minus(Duration.ofDays(days)), now.plusMillis(1));
    }

    private List<Coverage.Window> windows(String suite, int days) {
        Instant now = clock.instant();
        List<Coverage.Window> out = new ArrayList<>();
        for (SuiteRun r : suites.runsBetween(Set.of(suite), now.minus(Duration.ofDays(days)), now.plusMillis(1))) {
            r.finished().ifPresent(f -> out.add(new Coverage.Window(r.started().truncatedTo(ChronoUnit.SECONDS),
                    f.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1))));
        }
        return out;
    }
}
