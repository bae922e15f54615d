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

/** Calls by status class in time buckets (table traffic_status): added up, and kept for a bounded window. */
final class JdbiStatusCounts {
    /** How far behind the newest bucket of a service's environment buckets are kept. */
    static final Duration WINDOW = Duration.ofHours(48);

    private JdbiStatusCounts() {
    }

    static void merge(Handle h, Collection<StatusCount> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        Map<List<String>, Long> newest = new HashMap<>();
        try (JdbcRows rows = new JdbcRows(h, "insert into traffic_status (service, environment, caller, known, operation,"
                + " bucket, ok, redirects, client_errors, server_errors) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (service, environment, caller, operation, bucket) do update set"
                + " ok = traffic_status.ok + excluded.ok, redirects = traffic_status.redirects + excluded.redirects,"
                + " client_errors = traffic_status.client_errors + excluded.client_errors,"
                + " server_errors = traffic_status.server_errors + excluded.server_errors")) {
            String service = null;
            String environment = null;
            long newestHere = Long.MIN_VALUE;
            for (StatusCount c : statuses) { // in slices: a long log's rows are never all bound at once
                rows.add(c, JdbiStatusCounts::bind);
                if (!c.service().equals(service) || !c.environment().equals(environment)) {
                    if (service != null) {
                        newest.merge(List.of(service, environment), newestHere, Math::max);
                    }
                    service = c.service();
                    environment = c.environment();
                    newestHere = Long.MIN_VALUE;
                }
                newestHere = Math.max(newestHere, c.bucket().toEpochMilli());
            }
            newest.merge(List.of(service, environment), newestHere, Math::max);
        }
        for (Map.Entry<List<String>, Long> e : newest.entrySet()) {
            h.createUpdate("delete from traffic_status where service = ? and environment = ? and bucket < ?")
                    .bind(0, e.getKey().get(0)).bind(1, e.getKey().get(1)).bind(2, e.getValue() - WINDOW.toMillis())
                    .execute();
        }
    }

    private static void bind(PreparedStatement st, StatusCount c) throws SQLException {
        st.setString(1, c.service());
        st.setString(2, c.environment());
        st.setString(3, c.caller());
        st.setBoolean(4, c.known());
        st.setString(5, c.operation());
        st.setLong(6, c.bucket().toEpochMilli());
        st.setLong(7, c.ok());
        st.setLong(8, c.redirects());
        st.setLong(9, c.clientErrors());
        st.setLong(10, c.serverErrors());
    }

    static List<StatusCount> read(Handle h, String service, String environment, Instant from, Instant to) {
        return h.createQuery("select service, environment, caller, known, operation, bucket, ok, redirects, client_errors,"
                        + " server_errors from traffic_status where service = ? and environment = ? and bucket >= ?"
                        + " and bucket < ? order by bucket, caller, operation")
                .bind(0, service).bind(1, environment).bind(2, from.toEpochMilli()).bind(3, to.toEpochMilli())
                .map((rs, ctx) -> new StatusCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10))).list();
    }
}
