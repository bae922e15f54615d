package org.breakwater.traffic.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.breakwater.traffic.Crossings;
import org.breakwater.traffic.Follower;
import org.breakwater.traffic.LogRead;
import org.breakwater.traffic.StatusCount;
import org.breakwater.traffic.TrafficRepository;
import org.breakwater.traffic.Usage;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Traffic counts in SQL: one upsert that both SQLite and PostgreSQL read the same way. */
public final class JdbiTrafficRepository implements TrafficRepository {
    private final Jdbi jdbi;

    public JdbiTrafficRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void merge(Collection<Usage> usages, Collection<Crossings.Crossing> crossings,
                      Collection<Follower.Cursor> cursors, Collection<Follower.Cursor> forgotten,
                      Collection<LogRead> reads, Collection<StatusCount> statuses) {
        if (usages.isEmpty() && crossings.isEmpty() && cursors.isEmpty() && forgotten.isEmpty() && reads.isEmpty()
                && statuses.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            TrafficNames names = new TrafficNames(h);
            mergeUsages(h, names, usages);
            JdbiStatusCounts.merge(h, names, statuses);
            PreparedBatch x = h.prepareBatch("insert into traffic_crossing (service, environment, origin, address, caller,"
                    + " known, calls, first_seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (service, environment, origin, address, caller) do update set"
                    + " calls = traffic_crossing.calls + excluded.calls,"
                    + " first_seen = case when excluded.first_seen < traffic_crossing.first_seen"
                    + " then excluded.first_seen else traffic_crossing.first_seen end,"
                    + " last_seen = case when excluded.last_seen > traffic_crossing.last_seen"
                    + " then excluded.last_seen else traffic_crossing.last_seen end");
            for (Crossings.Crossing c : crossings) {
                x.bind(0, c.service()).bind(1, c.environment()).bind(2, c.origin()).bind(3, c.address())
                        .bind(4, c.caller()).bind(5, c.known()).bind(6, c.count()).bind(7, c.firstSeen().toEpochMilli())
                        .bind(8, c.lastSeen().toEpochMilli()).add();
            }
            if (!crossings.isEmpty()) {
                x.execute();
            }
            for (Follower.Cursor c : forgotten) {
                h.createUpdate("delete from traffic_cursor where service = :s and environment = :e and file_key = :k")
                        .bind("s", c.service()).bind("e", c.environment()).bind("k", c.fileKey()).execute();
            }
            PreparedBatch k = h.prepareBatch("insert into traffic_cursor (service, environment, file_key, path, position,"
                    + " updated) values (?, ?, ?, ?, ?, ?) on conflict (service, environment, file_key) do update set"
                    + " path = excluded.path, position = excluded.position, updated = excluded.updated");
            for (Follower.Cursor c : cursors) {
                k.bind(0, c.service()).bind(1, c.environment()).bind(2, c.fileKey()).bind(3, c.path())
                        .bind(4, c.position()).bind(5, c.updated().toEpochMilli()).add();
            }
            if (!cursors.isEmpty()) {
                k.execute();
            }
            PreparedBatch r = h.prepareBatch("insert into traffic_read (service, environment, head_hash, head_length,"
                    + " path, position, updated) values (?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (service, environment, head_hash, head_length) do update set"
                    + " path = excluded.path, position = excluded.position, updated = excluded.updated");
            for (LogRead read : reads) {
                r.bind(0, read.service()).bind(1, read.environment()).bind(2, read.headHash()).bind(3, read.headLength())
                        .bind(4, read.path()).bind(5, read.position()).bind(6, read.at().toEpochMilli()).add();
            }
            if (!reads.isEmpty()) {
                r.execute();
            }
        });
    }

    /** The usages' counts added to the stored ones, their names made numbers first (the callers' and operations' at once). */
    private static void mergeUsages(org.jdbi.v3.core.Handle h, TrafficNames names, Collection<Usage> usages) {
        if (usages.isEmpty()) {
            return;
        }
        names.need(usages, Usage::service, Usage::environment, Usage::caller, Usage::operation);
        try (JdbcRows b = new JdbcRows(h, "insert into traffic_calls (service_id, environment_id, caller_id, operation_id,"
                + " known, calls, first_seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (service_id, environment_id, caller_id, operation_id) do update set"
                + " calls = traffic_calls.calls + excluded.calls,"
                + " first_seen = case when excluded.first_seen < traffic_calls.first_seen"
                + " then excluded.first_seen else traffic_calls.first_seen end,"
                + " last_seen = case when excluded.last_seen > traffic_calls.last_seen"
                + " then excluded.last_seen else traffic_calls.last_seen end")) {
            JdbcRows.Binder<Usage> binder = (st, row) -> {
                st.setLong(1, names.id(row.service()));
                st.setLong(2, names.id(row.environment()));
                st.setLong(3, names.id(row.caller()));
                st.setLong(4, names.id(row.operation()));
                st.setBoolean(5, row.known());
                st.setLong(6, row.count());
                st.setLong(7, row.firstSeen().toEpochMilli());
                st.setLong(8, row.lastSeen().toEpochMilli());
            };
            for (Usage u : usages) {
                b.add(u, binder);
            }
        }
    }

    @Override
    public List<StatusCount> statuses(String service, String environment, Instant from, Instant to) {
        return jdbi.withHandle(h -> JdbiStatusCounts.read(h, service, environment, from, to));
    }

    @Override
    public List<LogRead> reads(String service, String environment) {
        return jdbi.withHandle(h -> h.createQuery("select service, environment, head_hash, head_length, path, position,"
                        + " updated from traffic_read where service = :s and environment = :e order by updated")
                .bind("s", service).bind("e", environment)
                .map((rs, ctx) -> new LogRead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7)))).list());
    }

    @Override
    public List<Follower.Cursor> cursors(String service, String environment) {
        return cursors(" where service = :s and environment = :e", service, environment);
    }

    @Override
    public List<Follower.Cursor> cursors() {
        return cursors("", "", "");
    }

    private List<Follower.Cursor> cursors(String where, String service, String environment) {
        return jdbi.withHandle(h -> h.createQuery("select service, environment, file_key, path, position, updated"
                        + " from traffic_cursor" + where + " order by service, environment, path")
                .bind("s", service).bind("e", environment)
                .map((rs, ctx) -> new Follower.Cursor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), Instant.ofEpochMilli(rs.getLong(6)))).list());
    }

    @Override
    public List<Crossings.Crossing> crossings(String service) {
        return jdbi.withHandle(h -> h.createQuery("select service, environment, origin, address, caller, known, calls,"
                        + " first_seen, last_seen from traffic_crossing where service = :service"
                        + " order by environment, caller, address")
                .bind("service", service)
                .map((rs, ctx) -> new Crossings.Crossing(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getLong(7),
                        Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)))).list());
    }

    @Override
    public List<Usage> usages(String service, Optional<String> environment) {
        String sql = "select s.name, e.name, c.name, u.known, o.name, u.calls, u.first_seen, u.last_seen from traffic_calls u"
                + TrafficNames.joins("u") + " where u.service_id = " + TrafficNames.ID_OF + ":service)"
                + (environment.isPresent() ? " and u.environment_id = " + TrafficNames.ID_OF + ":env)" : "")
                + " order by e.name, c.name, o.name";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("service", service).bind("env", environment.orElse(null))
                .map((rs, ctx) -> new Usage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7)),
                        Instant.ofEpochMilli(rs.getLong(8)))).list());
    }

    @Override
    public int prune(Instant before) {
        long t = before.toEpochMilli();
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("delete from traffic_calls where last_seen < :t").bind("t", t).execute();
            n += h.createUpdate("delete from traffic_crossing where last_seen < :t").bind("t", t).execute();
            h.createUpdate("delete from traffic_cursor where updated < :t").bind("t", t).execute();
            h.createUpdate("delete from traffic_read where updated < :t").bind("t", t).execute();
            n += h.createUpdate("delete from traffic_status_calls where bucket < :t").bind("t", t).execute();
            TrafficNames.forgetUnused(h);
            return n;
        });
    }
}
