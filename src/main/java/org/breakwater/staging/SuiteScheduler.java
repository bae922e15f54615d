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

    /** {@code owner}: this instance's name in the store (host and process). */
    public SuiteScheduler(SuiteRepository repository, SuiteRuns runs, Clock clock, String owner) {
        this.repository = repository;
        this.runs = runs;
        this.clock = clock;
        this.owner = owner;
    }

    /** Runs the suites due now that this instance took; the runs it made. */
    public List<SuiteRun> tick() {
        List<SuiteRun> made = new ArrayList<>();
        for (StagingSuite suite : repository.suites()) {
            take(suite).ifPresent(made::add);
        }
        return made;
    }

    private Optional<SuiteRun> take(StagingSuite suite) {
        Instant now = clock.instant();
        Optional<Instant> due = repository.nextDue(suite.name());
        if (due.isEmpty()) {
            repository.setDue(suite.name(), SuiteSchedule.next(suite.cron(), suite.zone(), now), now);
            return Optional.empty();
        }
        if (due.get().isAfter(now)) {
            return Optional.empty();
        }
        Instant next = SuiteSchedule.next(suite.cron(), suite.zone(), now);
        if (!repository.take(suite.name(), due.get(), next, owner, now)) {
            return Optional.empty();
        }
        return runs.run(suite.name(), "schedule") instanceof org.breakwater.catalog.Outcome.Done<SuiteRun> d
                ? Optional.of(d.value()) : Optional.empty();
    }
}
