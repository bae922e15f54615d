package org.breakwater.staging.store;

import java.time.Instant;
import java.util.Optional;
import org.breakwater.staging.Due;
import org.jdbi.v3.core.Jdbi;

/**
 * A schedule table of due times, one row per key ({@code next_due}, {@code taken_by},
 * {@code taken_at}): the suites' ({@code staging_schedule}) and the replay's
 * ({@code replay_schedule}). {@link #take} is the compare-and-set that lets one instance of
 * several on one database take a due occurrence (docs/decisions/0012).
 */
public final class DueRows {
    private final Jdbi jdbi;
    private final String table;
    private final String key;
    private final Optional<String> reason;

    /** {@code table} and {@code key} (its key column) are names written in the code, never input. */
    public DueRows(Jdbi jdbi, String table, String key) {
        this(jdbi, table, key, Optional.empty());
    }

    /**
     * With {@code reason}, the table's column saying why a row is due ({@code staging_schedule.due_reason}):
     * {@link #setDue(Object, Instant, Instant, String)} writes it, {@link #take} puts it back to
     * {@link #SCHEDULE}. A name written in the code, never input.
     */
    public DueRows(Jdbi jdbi, String table, String key, Optional<String> reason) {
        this.jdbi = jdbi;
        this.table = table;
        this.key = key;
        this.reason = reason;
    }

    private static final String SCHEDULE = Due.SCHEDULE;

    public Optional<Instant> nextDue(Object id) {
        return jdbi.withHandle(h -> h.createQuery("select next_due from " + table + " where " + key + " = ?").bind(0, id)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** The due time of {@code id} and why it is due ({@link #SCHEDULE} in a table without a reason column). */
    public Optional<Due> due(Object id) {
        return jdbi.withHandle(h -> h.createQuery("select next_due, " + reason.orElse("'" + SCHEDULE + "'") + " from "
                        + table + " where " + key + " = ?").bind(0, id)
                .map((rs, ctx) -> new Due(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2))).findOne());
    }

    /** Sets (or resets) the due time of {@code id}, by the schedule. */
    public void setDue(Object id, Instant due, Instant now) {
        setDue(id, due, now, SCHEDULE);
    }

    /** Sets (or resets) the due time of {@code id}, for {@code why} (written where the table has a reason column). */
    public void setDue(Object id, Instant due, Instant now, String why) {
        // one upsert, not delete-then-insert: two instances setting it at once (a deployment recorded on each) both
        // deleted nothing new, and the second insert failed on the key (ClaimRaceTest)
        String column = reason.map(r -> ", " + r).orElse("");
        String value = reason.isPresent() ? ", ?" : "";
        String update = reason.map(r -> ", " + r + " = excluded." + r).orElse("");
        jdbi.useHandle(h -> {
            var u = h.createUpdate("insert into " + table + " (" + key + ", next_due, taken_by, taken_at" + column
                    + ") values (?, ?, '', ?" + value + ") on conflict (" + key + ") do update set next_due ="
                    + " excluded.next_due, taken_by = excluded.taken_by, taken_at = excluded.taken_at" + update)
                    .bind(0, id).bind(1, due.toEpochMilli()).bind(2, now.toEpochMilli());
            if (reason.isPresent()) {
                u.bind(3, why);
            }
            u.execute();
        });
    }

    /**
     * Sets the first due time of {@code id} unless it has one: two instances seeing a new key at
     * once both try, one row stays, and neither fails ({@code on conflict do nothing}, SQLite and PostgreSQL).
     */
    public void addDue(Object id, Instant due, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("insert into " + table + " (" + key + ", next_due, taken_by, taken_at)"
                        + " values (?, ?, '', ?) on conflict do nothing").bind(0, id).bind(1, due.toEpochMilli())
                .bind(2, now.toEpochMilli()).execute());
    }

    /** Moves the due time from {@code expected} to {@code next}; false when another instance moved it first. */
    public boolean take(Object id, Instant expected, Instant next, String owner, Instant now) {
        String reset = reason.map(r -> ", " + r + " = '" + SCHEDULE + "'").orElse("");
        return jdbi.withHandle(h -> h.createUpdate("update " + table + " set next_due = ?, taken_by = ?, taken_at = ?"
                        + reset + " where " + key + " = ? and next_due = ?").bind(0, next.toEpochMilli()).bind(1, owner)
                .bind(2, now.toEpochMilli()).bind(3, id).bind(4, expected.toEpochMilli()).execute() == 1);
    }
}
