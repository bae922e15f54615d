package org.breakwater.staging.replay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored replays and acknowledgements. Implementation: {@code JdbiReplayRepository}. */
public interface ReplayRepository {
    /** Stores a run (its id is ignored) with its differences, in one transaction; returns its id. */
    long save(ReplayRun run);

    Optional<ReplayRun> run(long id);

    /** The plan's newest run. */
    Optional<ReplayRun> latest(long plan);

    /** The plan's runs, newest first, without their differences. */
    List<ReplayRun> runs(long plan);

    void acknowledge(ReplayRun.Acknowledgement ack);

    List<ReplayRun.Acknowledgement> acknowledgements(long plan);

    /**
     * Forgets runs started before {@code before} with their differences and operations, in one
     * transaction, except each plan's {@code keepNewest} newest runs (the gate reads the newest).
     */
    Pruned prune(Instant before, int keepNewest);

    /** What {@link #prune} deleted. */
    record Pruned(int runs, int differences) {
    }

    /**
     * The operations of {@code service} whose calls replays against {@code candidate} started in
     * [{@code since}, {@code until}) had answered, summed over those runs (coverage).
     */
    List<ReplayRun.Exercised> exercised(String service, String candidate, Instant since, Instant until);

    /** The runs against {@code candidate} started in [{@code since}, {@code until}) that exercised {@code service}, oldest first, without differences. */
    List<ReplayRun> runsExercising(String service, String candidate, Instant since, Instant until);

    /** When plan {@code plan}'s scheduled replay is next due, if it has a row. */
    Optional<Instant> nextDue(long plan);

    /** Sets (or resets) the plan's next due time. */
    void setDue(long plan, Instant due, Instant now);

    /** Sets the plan's first due time unless another instance set one first. */
    void addDue(long plan, Instant due, Instant now);

    /** Moves the plan's due time from {@code expected} to {@code next}; false when another instance moved it first. */
    boolean take(long plan, Instant expected, Instant next, String owner, Instant now);
}
