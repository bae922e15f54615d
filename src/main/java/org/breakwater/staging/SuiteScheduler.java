package org.breakwater.staging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schedule inside {@code serve}: each tick, every suite whose next due time has come is run
 * once, by the one instance that moves its due time forward (a compare-and-set on the stored due
 * time, so several instances on one PostgreSQL run it once). Occurrences missed while no instance
 * ran are run once, not once each. The due times are stored, so the schedule survives restarts.
 */
public final class SuiteScheduler {
    private final SuiteRepository repository;
    private final SuiteRuns runs;
    private final Clock clock;
    private final String owner;
    private final java.util.concurrent.Executor executor;

    /**
     * {@code owner}: this instance's name in the store (host and process); {@code executor} runs
     * the suites taken (a pool, so a long suite does not hold up the others).
     */
    public SuiteScheduler(SuiteRepository repository, SuiteRuns runs, Clock clock, String owner,
                          java.util.concurrent.Executor executor) {
        this.repository = repository;
        this.runs = runs;
        this.clock = clock;
        this.owner = owner;
        this.executor = executor;
    }

    /**
     * Takes the suites due now that no other instance took, and hands each to the executor; their
     * names. Each run's trigger is why it was due: {@code schedule}, or {@code deployment}.
     */
    public List<String> tick() {
        List<String> taken = new ArrayList<>();
        for (StagingSuite suite : repository.suites()) {
            Optional<String> trigger = take(suite);
            if (trigger.isPresent()) {
                taken.add(suite.name());
                executor.execute(() -> runs.run(suite.name(), trigger.get()));
            }
        }
        return taken;
    }

    /** Why the suite was due, when this instance took its due time. */
    private Optional<String> take(StagingSuite suite) {
        Instant now = clock.instant();
        Optional<Due> due = repository.due(suite.name());
        if (due.isEmpty()) {
            repository.setDue(suite.name(), SuiteSchedule.next(suite.cron(), suite.zone(), now), now);
            return Optional.empty();
        }
        if (due.get().at().isAfter(now)) {
            return Optional.empty();
        }
        Instant next = SuiteSchedule.next(suite.cron(), suite.zone(), now);
        return repository.take(suite.name(), due.get().at(), next, owner, now) ? Optional.of(due.get().reason())
                : Optional.empty();
    }
}
