package org.breakwater.staging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.StagingEvidence;

/**
 * What the stored runs say: a suite's runs, each test's history (streaks, flakiness, durations:
 * {@link TestHistory}), and the {@code staging-green} evidence of a plan. A day counts for a plan
 * when every suite covering one of its services ran that day (UTC, as the gate counts days) on the
 * candidate version (the version the run recorded for the service is the plan's) and the newest
 * such run of each was green. Services no suite covers are left to evidence recorded by hand.
 */
public final class SuiteResults implements StagingEvidence {
    /** How far back green days are looked for. */
    static final Duration LOOK_BACK = Duration.ofDays(31);
    public static final String BY = "breakwater (suite runs)";

    private final SuiteRepository repository;

    public SuiteResults(SuiteRepository repository) {
        this.repository = repository;
    }

    public List<SuiteRun> runs(Optional<String> suite, int limit) {
        return repository.runs(suite, limit);
    }

    public Optional<SuiteRun> run(long id) {
        return repository.run(id);
    }

    public List<StoredCase> cases(long run) {
        return repository.cases(run);
    }

    public List<StagingSuite> suites() {
        return repository.suites();
    }

    /** Each test of {@code suite} over its last {@code rule.window()} judged runs (oldest first). */
    public Map<TestId, TestStats> history(String suite, FlakeRule rule) {
        List<SuiteRun> newest = repository.runs(Optional.of(suite), rule.window() * 2).stream()
                .filter(r -> r.tests() > 0).limit(rule.window()).toList();
        List<TestRun> runs = new ArrayList<>();
        for (int i = newest.size() - 1; i >= 0; i--) {
            SuiteRun r = newest.get(i);
            List<TestCaseResult> cases = repository.cases(r.id()).stream().map(c -> {
                String[] parts = c.id().value().split("#", 2);
                return new TestCaseResult(suite, parts[0], parts.length > 1 ? parts[1] : "", c.status(), c.duration(),
                        c.message(), "", "", c.reruns());
            }).toList();
            runs.add(new TestRun(Long.toString(r.id()), new TestReport(List.of(), cases)));
        }
        return new TreeMap<>(TestHistory.of(runs).tests(rule));
    }

    @Override
    public List<Evidence> evidence(Plan plan, Instant now) {
        Map<String, Set<String>> covering = new LinkedHashMap<>();
        for (StagingSuite s : repository.suites()) {
            for (PlannedRelease r : plan.releases()) {
                if (s.covers(r.service())) {
                    covering.computeIfAbsent(r.service(), k -> new TreeSet<>()).add(s.name());
                }
            }
        }
        if (covering.isEmpty()) {
            return List.of();
        }
        Set<String> names = new TreeSet<>();
        covering.values().forEach(names::addAll);
        Map<LocalDate, List<SuiteRun>> byDay = new TreeMap<>();
        for (SuiteRun r : repository.runsBetween(names, now.minus(LOOK_BACK), now.plusMillis(1))) {
            if (r.status() != RunStatus.RUNNING && r.finished().isPresent()) {
                byDay.computeIfAbsent(r.started().atOffset(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>()).add(r);
            }
        }
        List<Evidence> out = new ArrayList<>();
        byDay.forEach((day, runs) -> greenDay(plan, covering, runs).ifPresent(out::add));
        return out;
    }

    /** The evidence of one day, if every covering suite's newest run on the candidate was green that day. */
    private static Optional<Evidence> greenDay(Plan plan, Map<String, Set<String>> covering, List<SuiteRun> dayRuns) {
        List<SuiteRun> used = new ArrayList<>();
        List<String> releases = new ArrayList<>();
        for (PlannedRelease r : plan.releases()) {
            for (String suite : covering.getOrDefault(r.service(), Set.of())) {
                Optional<SuiteRun> last = dayRuns.stream().filter(x -> x.suite().equals(suite)
                        && r.version().equals(x.versions().get(r.service()))).reduce((a, b) -> b);
                if (last.isEmpty() || !last.get().green()) {
                    return Optional.empty();
                }
                used.add(last.get());
            }
            if (covering.containsKey(r.service())) {
                releases.add(r.service() + " " + r.version());
            }
        }
        Instant at = used.stream().map(x -> x.finished().orElseThrow()).max(Instant::compareTo).orElseThrow();
        String text = "suite" + (used.size() == 1 ? " " : "s ") + String.join(", ", used.stream().map(SuiteRun::suite)
                .distinct().toList()) + " green on " + String.join(", ", releases) + " (run" + (used.size() == 1 ? " #" : "s #")
                + String.join(", #", used.stream().map(x -> Long.toString(x.id())).distinct().toList()) + ")";
        return Optional.of(new Evidence(0, plan.id(), "staging-green", text, BY, at, Optional.of("computed from suite runs"),
                Optional.empty()));
    }
}
