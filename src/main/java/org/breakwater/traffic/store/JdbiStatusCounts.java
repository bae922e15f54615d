package org.breakwater.traffic.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.traffic.StatusCount;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Calls by status class in time buckets (table traffic_status): added up, and kept for a bounded window. */
final class JdbiStatusCounts {
    /** How far behind the newest bucket of a service's environment buckets are kept. */
    static final Duration WINDOW = Duration.ofHours(48);
    private static final int BATCH = 5000;

    private JdbiStatusCounts() {
    }

    static void merge(Handle h, Collection<StatusCount> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        PreparedBatch b = h.prepareBatch("insert into traffic_status (service, environment, caller, known, operation,"
                + " bucket, ok, redirects, client_errors, server_errors) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (service, environment, caller, operation, bucket) do update set"
                + " ok = traffic_status.ok + excluded.ok, redirects = traffic_status.redirects + excluded.redirects,"
                + " client_errors = traffic_status.client_errors + excluded.client_errors,"
                + " server_errors = traffic_status.server_errors + excluded.server_errors");
        Map<List<String>, Long> newest = new HashMap<>();
        for (StatusCount c : statuses) {
            b.bind(0, c.service()).bind(1, c.environment()).bind(2, c.caller()).bind(3, c.known())
                    .bind(4, c.operation()).bind(5, c.bucket().toEpochMilli()).bind(6, c.ok()).bind(7, c.redirects())
                    .bind(8, c.clientErrors()).bind(9, c.serverErrors()).add();
            newest.merge(List.of(c.service(), c.environment()), c.bucket().toEpochMilli(), Math::max);
            if (b.size() >= BATCH) {
                b.execute(); // in slices: a long log's rows are not all held as bound statements at once
            }
        }
        if (b.size() > 0) {
            b.execute();
        }
        for (Map.Entry<List<String>, Long> e : newest.entrySet()) {
            h.createUpdate("delete from traffic_status where service = ? and environment = ? and bucket < ?")
                    .bind(0, e.getKey().get(0)).bind(1, e.getKey().get(1)).bind(2, e.getValue() - WINDOW.toMillis())
                    .execute();
        }
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
