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
            JdbiStatusCounts.merge(h, statuses);
            try (JdbcRows b = new JdbcRows(h, "insert into traffic_usage (service, environment, caller, known, operation,"
                    + " calls, first_seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (service, environment, caller, operation) do update set"
                    + " calls = traffic_usage.calls + excluded.calls,"
                    + " first_seen = case when excluded.first_seen < traffic_usage.first_seen"
                    + " then excluded.first_seen else traffic_usage.first_seen end,"
                    + " last_seen = case when excluded.last_seen > traffic_usage.last_seen"
                    + " then excluded.last_seen else traffic_usage.last_seen end")) {
                usages.forEach(u -> b.add(u, JdbiTrafficRepository::bind));
            }
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

    private static void bind(java.sql.PreparedStatement st, Usage u) throws java.sql.SQLException {
        st.setString(1, u.service());
        st.setString(2, u.environment());
        st.setString(3, u.caller());
        st.setBoolean(4, u.known());
        st.setString(5, u.operation());
        st.setLong(6, u.count());
        st.setLong(7, u.firstSeen().toEpochMilli());
        st.setLong(8, u.lastSeen().toEpochMilli());
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
        String sql = "select service, environment, caller, known, operation, calls, first_seen, last_seen from traffic_usage"
                + " where service = :service" + (environment.isPresent() ? " and environment = :env" : "")
                + " order by environment, caller, operation";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("service", service).bind("env", environment.orElse(null))
                .map((rs, ctx) -> new Usage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7)),
                        Instant.ofEpochMilli(rs.getLong(8)))).list());
    }

    @Override
    public int prune(Instant before) {
        long t = before.toEpochMilli();
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("delete from traffic_usage where last_seen < :t").bind("t", t).execute();
            n += h.createUpdate("delete from traffic_crossing where last_seen < :t").bind("t", t).execute();
            h.createUpdate("delete from traffic_cursor where updated < :t").bind("t", t).execute();
            h.createUpdate("delete from traffic_read where updated < :t").bind("t", t).execute();
            n += h.createUpdate("delete from traffic_status where bucket < :t").bind("t", t).execute();
            return n;
        });
    }
}
