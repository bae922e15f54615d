package org.breakwater.staging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an ordered list of runs (oldest first) says per test ({@link TestStats}: streaks, last
 * failure, flip rate, durations) and per suite ({@link SuiteHealth}). Pure: no clock, no store.
 */
public final class TestHistory {
    private final List<TestRun> runs;

    private TestHistory(List<TestRun> runs) {
        this.runs = List.copyOf(runs);
    }

    public static TestHistory of(List<TestRun> runsOldestFirst) {
        return new TestHistory(runsOldestFirst);
    }

    /** One test's part of one run: its worst status there, its durations, whether it passed only on a rerun. */
    private record Occurrence(String runId, TestStatus status, List<Duration> durations, boolean passedOnRerun) {
    }

    /** Every test that appears in any run, by id (sorted). */
    public Map<TestId, TestStats> tests(FlakeRule rule) {
        Map<TestId, List<Occurrence>> verdicts = new TreeMap<>();
        for (TestRun run : runs) {
            for (Map.Entry<TestId, Occurrence> e : occurrences(run).entrySet()) {
                List<Occurrence> list = verdicts.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                if (e.getValue().status().ran()) list.add(e.getValue());
            }
        }
        Map<TestId, TestStats> stats = new TreeMap<>();
        verdicts.forEach((id, list) -> stats.put(id, stats(id, list, rule)));
        return stats;
    }

    /** Every suite that appears in any run, in order of first appearance. */
    public List<SuiteHealth> suites() {
        Set<String> names = new LinkedHashSet<>();
        for (TestRun run : runs) {
            run.report().suites().forEach(s -> names.add(s.name()));
            run.report().cases().forEach(c -> names.add(c.suite()));
        }
        List<SuiteHealth> health = new ArrayList<>();
        for (String name : names) {
            List<SuiteHealth.State> perRun = new ArrayList<>();
            for (TestRun run : runs) perRun.add(state(run.report(), name));
            health.add(new SuiteHealth(name, perRun));
        }
        return health;
    }

    private static SuiteHealth.State state(TestReport report, String suite) {
        boolean present = report.suites().stream().anyMatch(s -> s.name().equals(suite));
        for (TestCaseResult c : report.cases()) {
            if (!c.suite().equals(suite)) continue;
            present = true;
            if (c.status().broken()) return SuiteHealth.State.RED;
        }
        return present ? SuiteHealth.State.GREEN : SuiteHealth.State.ABSENT;
    }

    private static Map<TestId, Occurrence> occurrences(TestRun run) {
        Map<TestId, Occurrence> byId = new LinkedHashMap<>();
        for (TestCaseResult c : run.report().cases()) {
            Occurrence now = new Occurrence(run.id(), c.status(), List.of(c.duration()), c.passedOnRerun());
            byId.merge(c.id(), now, TestHistory::worse);
        }
        return byId;
    }

    private static Occurrence worse(Occurrence a, Occurrence b) {
        List<Duration> both = new ArrayList<>(a.durations());
        both.addAll(b.durations());
        TestStatus status = rank(b.status()) > rank(a.status()) ? b.status() : a.status();
        return new Occurrence(a.runId(), status, both, a.passedOnRerun() || b.passedOnRerun());
    }

    private static int rank(TestStatus s) {
        return s.broken() ? 2 : s == TestStatus.PASSED ? 1 : 0;
    }

    private static TestStats stats(TestId id, List<Occurrence> all, FlakeRule rule) {
        int streak = 0;
        for (int i = all.size() - 1; i >= 0 && !all.get(i).status().broken(); i--) streak++;
        Optional<String> lastFailure = Optional.empty();
        for (int i = all.size() - 1; i >= 0 && lastFailure.isEmpty(); i--) {
            if (all.get(i).status().broken()) lastFailure = Optional.of(all.get(i).runId());
        }
        List<Occurrence> window = all.subList(Math.max(0, all.size() - rule.window()), all.size());
        int flips = 0, rerunPasses = 0;
        List<Duration> durations = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            if (i > 0 && window.get(i).status().broken() != window.get(i - 1).status().broken()) flips++;
            if (window.get(i).passedOnRerun()) rerunPasses++;
            durations.addAll(window.get(i).durations());
        }
        double rate = window.size() < 2 ? 0 : (double) flips / (window.size() - 1);
        Collections.sort(durations);
        return new TestStats(id, streak, lastFailure, window.size(), flips, rate, rate > rule.threshold(), rerunPasses,
                percentile(durations, 50), percentile(durations, 95));
    }

    /** Nearest rank: the value at rank ceil(p/100 * n) of the sorted values (1-based). */
    static Optional<Duration> percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) return Optional.empty();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(1, rank) - 1));
    }
}
