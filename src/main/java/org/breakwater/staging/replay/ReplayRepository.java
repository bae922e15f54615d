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

    /** Forgets runs started before {@code before}; how many went. */
    int prune(Instant before);
}
