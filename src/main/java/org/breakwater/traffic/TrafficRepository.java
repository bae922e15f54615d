package org.breakwater.traffic;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Calls counted per service, environment, caller and operation. Implementation: {@code JdbiTrafficRepository}. */
public interface TrafficRepository {
    /** Adds these counts to what is stored (counts add up; first and last seen widen), in one transaction. */
    default void merge(Collection<Usage> usages) {
        merge(usages, List.of());
    }

    /** Adds these counts and crossings to what is stored, all in one transaction. */
    default void merge(Collection<Usage> usages, Collection<Crossings.Crossing> crossings) {
        merge(usages, crossings, List.of(), List.of());
    }

    /**
     * Adds these counts and crossings, saves {@code cursors} and forgets the cursors of
     * {@code forgotten} file keys, all in one transaction (what {@link Follower} read is counted
     * exactly once, whenever it stops).
     */
    default void merge(Collection<Usage> usages, Collection<Crossings.Crossing> crossings,
                       Collection<Follower.Cursor> cursors, Collection<Follower.Cursor> forgotten) {
        merge(usages, crossings, cursors, forgotten, List.of());
    }

    /** As above, and records how far plain ingests read their logs ({@link LogRead}), in the same transaction. */
    default void merge(Collection<Usage> usages, Collection<Crossings.Crossing> crossings,
                       Collection<Follower.Cursor> cursors, Collection<Follower.Cursor> forgotten,
                       Collection<LogRead> reads) {
        merge(usages, crossings, cursors, forgotten, reads, List.of());
    }

    /**
     * As above, with the calls by status class and time bucket of the same lines ({@link StatusCount}),
     * in the same transaction; buckets older than the window behind the newest are forgotten.
     */
    void merge(Collection<Usage> usages, Collection<Crossings.Crossing> crossings, Collection<Follower.Cursor> cursors,
               Collection<Follower.Cursor> forgotten, Collection<LogRead> reads, Collection<StatusCount> statuses);

    /** The calls by status class of a service's environment in buckets from {@code from} (inclusive) to {@code to}. */
    List<StatusCount> statuses(String service, String environment, java.time.Instant from, java.time.Instant to);

    /** What plain ingests read of the logs of a service's environment. */
    List<LogRead> reads(String service, String environment);

    /** Where {@link Follower} stopped reading each file of a service's environment. */
    List<Follower.Cursor> cursors(String service, String environment);

    /** Where {@link Follower}s stopped reading every file followed, of every service and environment. */
    List<Follower.Cursor> cursors();

    List<Usage> usages(String service, Optional<String> environment);

    /** Calls into {@code service} from another environment's hosts, every environment. */
    List<Crossings.Crossing> crossings(String service);

    /**
     * Forgets counts and crossings last seen before {@code before}, and cursors and reads not moved since;
     * returns how many counts and crossings went.
     */
    int prune(java.time.Instant before);
}
