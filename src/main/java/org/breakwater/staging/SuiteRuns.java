package org.breakwater.staging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;

/**
 * Runs suites and keeps what they gave: a run is stored as running first (with a heartbeat), so a
 * Breakwater that dies mid-run leaves it to be found {@link RunStatus#INTERRUPTED} by the next
 * start, never passed. The versions the environment ran are taken from the deployment records
 * when the run starts.
 */
public final class SuiteRuns {
    /** How often a running run says it is alive, and how long a silent one is taken for dead. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);
    public static final Duration STALE = Duration.ofMinutes(2);
    static final int MESSAGE = 2_000;

    private final SuiteRepository repository;
    private final CatalogService catalog;
    private final SecretBox secrets;
    private final SuiteLauncher launcher;
    private final SuiteEvents events;
    private final Clock clock;

    public SuiteRuns(SuiteRepository repository, CatalogService catalog, SecretBox secrets, SuiteLauncher launcher,
                     SuiteEvents events, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.secrets = secrets;
        this.launcher = launcher;
        this.events = events;
        this.clock = clock;
    }

    /** Marks runs whose runner stopped (no heartbeat for {@link #STALE}) interrupted; how many. */
    public int recoverInterrupted() {
        Instant now = clock.instant();
        return repository.interruptStale(now.minus(STALE), now);
    }

    /** Runs {@code name} now and stores the run; refused only for an unknown suite. */
    public Outcome<SuiteRun> run(String name, String trigger) {
        Optional<StagingSuite> found = repository.suite(name);
        if (found.isEmpty()) {
            return Outcome.refused("no suite '" + name + "'" + org.breakwater.text.Suggestions.didYouMean(name,
                    repository.suites().stream().map(StagingSuite::name).toList()));
        }
        StagingSuite suite = found.get();
        Instant started = clock.instant();
        long id = repository.begin(suite.name(), trigger, started, versions(suite));
        SecretBox.Opened<Map<String, String>> opened = secrets.open(suite.name(), repository.secrets(suite.name()));
        if (opened instanceof SecretBox.Opened.Refused<Map<String, String>> r) {
            return Outcome.done(end(suite, id, trigger, started, new SuiteLauncher.Launch(Optional.empty(), false, "",
                    List.of(), Optional.of("the suite's secrets cannot be opened, so it was not run: " + r.reason())),
                    Redactor.NONE));
        }
        Map<String, String> clear = ((SecretBox.Opened.Done<Map<String, String>>) opened).value();
        SuiteLauncher.Launch launch = launcher.launch(suite, clear, () -> repository.heartbeat(id, clock.instant()));
        return Outcome.done(end(suite, id, trigger, started, launch, new Redactor(clear)));
    }

    private Map<String, String> versions(StagingSuite suite) {
        Map<String, String> out = new TreeMap<>();
        for (String service : suite.services()) {
            catalog.placement(service, suite.environment()).ifPresent(p -> out.put(service, p.version()));
        }
        return out;
    }

    private SuiteRun end(StagingSuite suite, long id, String trigger, Instant started, SuiteLauncher.Launch launch,
                         Redactor redactor) {
        List<StoredCase> cases = new ArrayList<>();
        Optional<String> refused = Optional.empty();
        for (ReportRead read : launch.reports()) {
            if (read instanceof ReportRead.Refused r) {
                refused = refused.or(() -> Optional.of("a JUnit XML report was refused: " + r.message()));
            } else {
                for (TestCaseResult c : ((ReportRead.Read) read).report().cases()) {
                    cases.add(new StoredCase(c.id(), c.status(), c.duration(), c.reruns(),
                            bound(redactor.redact(c.message()))));
                }
            }
        }
        int failures = (int) cases.stream().filter(c -> c.status().broken()).count();
        int skipped = (int) cases.stream().filter(c -> c.status() == TestStatus.SKIPPED).count();
        Verdict v = verdict(launch, refused, cases.size(), failures);
        SuiteRun run = new SuiteRun(id, suite.name(), v.status(), trigger, started, Optional.of(clock.instant()),
                launch.exitCode(), repository.run(id).map(SuiteRun::versions).orElse(Map.of()),
                bound(redactor.redact(v.message())), redactor.redact(launch.output()), cases.size(), failures, skipped);
        repository.finish(run, cases);
        announceNewTests(suite, run, cases);
        return repository.run(id).orElse(run);
    }

    private record Verdict(RunStatus status, String message) {
    }

    private static Verdict verdict(SuiteLauncher.Launch launch, Optional<String> refused, int tests, int failures) {
        String counts = tests + " test" + (tests == 1 ? "" : "s") + ", " + failures + " failed";
        if (Thread.currentThread().isInterrupted()) {
            return new Verdict(RunStatus.INTERRUPTED, "Breakwater stopped while it ran; its processes were killed");
        }
        if (launch.timedOut()) {
            return new Verdict(RunStatus.TIMED_OUT, "killed at its timeout with every process it started"
                    + (tests > 0 ? " (" + counts + " in what it wrote)" : ""));
        }
        if (launch.problem().isPresent() && tests == 0) {
            return new Verdict(RunStatus.ERROR, launch.problem().get());
        }
        if (refused.isPresent()) {
            return new Verdict(RunStatus.ERROR, refused.get());
        }
        if (tests == 0) {
            return new Verdict(RunStatus.ERROR, "the JUnit XML it wrote holds no test case");
        }
        if (failures > 0) {
            return new Verdict(RunStatus.FAILED, counts);
        }
        int exit = launch.exitCode().orElse(-1);
        if (exit != 0) {
            return new Verdict(RunStatus.FAILED, counts + ", but the command exited with " + exit);
        }
        return new Verdict(RunStatus.PASSED, counts);
    }

    /** The first run of a test id in this suite tells the bus (a badge system can award from it). */
    private void announceNewTests(StagingSuite suite, SuiteRun run, List<StoredCase> cases) {
        Set<TestId> ids = new LinkedHashSet<>();
        cases.forEach(c -> ids.add(c.id()));
        if (ids.isEmpty() || run.status() == RunStatus.ERROR) {
            return;
        }
        boolean first = repository.runs(Optional.of(suite.name()), 1_000).stream()
                .noneMatch(r -> r.id() < run.id() && r.tests() > 0);
        if (first) {
            return; // a suite's first run adds no test: everything in it was there before Breakwater knew it
        }
        Set<TestId> seen = repository.seenBefore(suite.name(), run.id(), ids);
        List<TestId> added = ids.stream().filter(i -> !seen.contains(i)).toList();
        if (!added.isEmpty()) {
            events.testsAdded(suite, run, added);
        }
    }

    private static String bound(String text) {
        return text.length() <= MESSAGE ? text : text.substring(0, MESSAGE) + " [...]";
    }
}
