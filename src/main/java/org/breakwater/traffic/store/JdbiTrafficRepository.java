package org.breakwater.traffic.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
    public void merge(Collection<Usage> usages) {
        if (usages.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch b = h.prepareBatch("insert into traffic_usage (service, environment, caller, known, operation,"
                    + " calls, first_seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (service, environment, caller, operation) do update set"
                    + " calls = traffic_usage.calls + excluded.calls,"
                    + " first_seen = case when excluded.first_seen < traffic_usage.first_seen"
                    + " then excluded.first_seen else traffic_usage.first_seen end,"
                    + " last_seen = case when excluded.last_seen > traffic_usage.last_seen"
                    + " then excluded.last_seen else traffic_usage.last_seen end");
            for (Usage u : usages) {
                b.bind(0, u.service()).bind(1, u.environment()).bind(2, u.caller()).bind(3, u.known())
                        .bind(4, u.operation()).bind(5, u.count()).bind(6, u.firstSeen().toEpochMilli())
                        .bind(7, u.lastSeen().toEpochMilli()).add();
            }
            b.execute();
        });
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
}
