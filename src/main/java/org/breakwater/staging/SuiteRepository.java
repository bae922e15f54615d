package org.breakwater.staging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Suites, their secrets, runs, test cases and schedule in the store (same on SQLite and PostgreSQL). */
public interface SuiteRepository {
    Optional<StagingSuite> suite(String name);

    List<StagingSuite> suites();

    /** Adds or replaces a suite, in one transaction. */
    void save(StagingSuite suite, Instant at);

    /**
     * Makes the suites whose origin is a catalog file exactly {@code fromFiles} (added, changed,
     * removed with their secrets and schedule), in one transaction; suites added by hand stay.
     */
    void replaceFileSuites(Collection<StagingSuite> fromFiles, Instant at);

    /** Removes a suite, its secrets and its schedule; its runs stay as history. */
    boolean remove(String name);

    void saveSecret(String suite, SealedSecret secret, Instant at);

    boolean removeSecret(String suite, String name);

    List<SealedSecret> secrets(String suite);

    /** Starts a run: stored as {@link RunStatus#RUNNING} with its heartbeat at {@code started}. */
    long begin(String suite, String trigger, Instant started, java.util.Map<String, String> versions);

    /** The run is still going (a run whose heartbeat stops is found interrupted). */
    void heartbeat(long run, Instant at);

    /** Ends a run with its cases, in one transaction; only a run still running is ended. */
    boolean finish(SuiteRun run, List<StoredCase> cases);

    /** Marks every run still running whose heartbeat is older than {@code before} interrupted; how many. */
    int interruptStale(Instant before, Instant now);

    Optional<SuiteRun> run(long id);

    /** A suite's newest runs first (every suite's when {@code suite} is empty), at most {@code limit}. */
    List<SuiteRun> runs(Optional<String> suite, int limit);

    /** Runs of any of {@code suites} started in [{@code from}, {@code to}), oldest first, without output. */
    List<SuiteRun> runsBetween(Set<String> suites, Instant from, Instant to);

    List<StoredCase> cases(long run);

    /** The test ids of {@code suite} seen in any run before {@code run}, among {@code ids}. */
    Set<TestId> seenBefore(String suite, long run, Set<TestId> ids);

    /**
     * Forgets the runs (with their cases) started before {@code before}, except each suite's
     * {@code keepNewest} newest runs and any run still going, in one transaction.
     */
    Pruned prune(Instant before, int keepNewest);

    /** What {@link #prune} deleted. */
    record Pruned(int runs, int cases) {
    }

    Optional<Instant> nextDue(String suite);

    /** When a suite is next due and why (its schedule, or a deployment). */
    Optional<Due> due(String suite);

    /** Sets when a suite is next due (a new or rescheduled suite), by its schedule. */
    default void setDue(String suite, Instant due, Instant now) {
        setDue(suite, due, now, Due.SCHEDULE);
    }

    /** Sets when a suite is next due, and why ({@link Due#SCHEDULE} or {@link Due#DEPLOYMENT}). */
    void setDue(String suite, Instant due, Instant now, String reason);

    /**
     * Takes a due occurrence: moves {@code suite}'s next due time from {@code expected} to
     * {@code next}; true only for the one caller that moved it (compare and set). The row is back
     * on {@link Due#SCHEDULE} then.
     */
    boolean take(String suite, Instant expected, Instant next, String owner, Instant now);
}
