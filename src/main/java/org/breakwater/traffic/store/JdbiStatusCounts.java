package org.breakwater.traffic.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.traffic.StatusCount;
import org.jdbi.v3.core.Handle;

/** Calls by status class in time buckets (table traffic_status_calls, names by number: {@link TrafficNames}): added up, and kept for a bounded window. */
final class JdbiStatusCounts {
    /** How far behind the newest bucket of a service's environment buckets are kept. */
    static final Duration WINDOW = Duration.ofHours(48);

    private JdbiStatusCounts() {
    }

    static void merge(Handle h, TrafficNames names, Collection<StatusCount> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        Map<List<Long>, Long> newest = new HashMap<>();
        try (JdbcRows rows = new JdbcRows(h, "insert into traffic_status_calls (service_id, environment_id, bucket,"
                + " caller_id, operation_id, known, ok, redirects, client_errors, server_errors)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (service_id, environment_id, bucket, caller_id, operation_id) do update set"
                + " ok = traffic_status_calls.ok + excluded.ok,"
                + " redirects = traffic_status_calls.redirects + excluded.redirects,"
                + " client_errors = traffic_status_calls.client_errors + excluded.client_errors,"
                + " server_errors = traffic_status_calls.server_errors + excluded.server_errors")) {
            Ids ids = new Ids(names, newest);
            JdbcRows.Binder<StatusCount> bind = ids::bind; // once: a method reference per row is an object per row
            for (StatusCount c : statuses) { // in slices: a long log's rows are never all bound at once
                ids.of(c);
                rows.add(c, bind);
            }
            ids.done();
        }
        for (Map.Entry<List<Long>, Long> e : newest.entrySet()) {
            h.createUpdate("delete from traffic_status_calls where service_id = ? and environment_id = ? and bucket < ?")
                    .bind(0, e.getKey().get(0)).bind(1, e.getKey().get(1)).bind(2, e.getValue() - WINDOW.toMillis())
                    .execute();
        }
    }

    /**
     * The numbers of one row's names, and the newest bucket of each service's environment: the
     * service's and environment's are kept while they stay the same (no object per row).
     */
    private static final class Ids {
        final TrafficNames names;
        final Map<List<Long>, Long> newest;
        String serviceName;
        String environmentName;
        long service;
        long environment;
        long newestHere = Long.MIN_VALUE;

        Ids(TrafficNames names, Map<List<Long>, Long> newest) {
            this.names = names;
            this.newest = newest;
        }

        void of(StatusCount c) {
            if (!c.service().equals(serviceName) || !c.environment().equals(environmentName)) {
                done();
                serviceName = c.service();
                service = names.id(serviceName);
                environmentName = c.environment();
                environment = names.id(environmentName);
            }
            newestHere = Math.max(newestHere, c.bucket().toEpochMilli());
        }

        /** Records the newest bucket of the rows since the service or environment last changed. */
        void done() {
            if (newestHere != Long.MIN_VALUE) {
                newest.merge(List.of(service, environment), newestHere, Math::max);
                newestHere = Long.MIN_VALUE;
            }
        }

        void bind(PreparedStatement st, StatusCount c) throws SQLException {
            st.setLong(1, service);
            st.setLong(2, environment);
            st.setLong(3, c.bucket().toEpochMilli());
            st.setLong(4, names.id(c.caller()));
            st.setLong(5, names.id(c.operation()));
            st.setBoolean(6, c.known());
            st.setLong(7, c.ok());
            st.setLong(8, c.redirects());
            st.setLong(9, c.clientErrors());
            st.setLong(10, c.serverErrors());
        }
    }

    static List<StatusCount> read(Handle h, String service, String environment, Instant from, Instant to) {
        return h.createQuery("select s.name, e.name, c.name, t.known, o.name, t.bucket, t.ok, t.redirects, t.client_errors,"
                        + " t.server_errors from traffic_status_calls t" + TrafficNames.joins("t")
                        + " where t.service_id = " + TrafficNames.ID_OF + "?) and t.environment_id = " + TrafficNames.ID_OF + "?)"
                        + " and t.bucket >= ? and t.bucket < ? order by t.bucket, c.name, o.name")
                .bind(0, service).bind(1, environment).bind(2, from.toEpochMilli()).bind(3, to.toEpochMilli())
                .map((rs, ctx) -> new StatusCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10))).list();
    }
}
