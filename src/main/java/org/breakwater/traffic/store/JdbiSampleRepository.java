package org.breakwater.traffic.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.breakwater.traffic.Sample;
import org.breakwater.traffic.SampleRepository;
import org.breakwater.traffic.TargetSamples;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Target samples in SQL, one row per reservoir (its targets joined by line feeds; names by number:
 * {@link TrafficNames}); a merge rewrites the reservoirs it touches.
 */
public final class JdbiSampleRepository implements SampleRepository {
    /** Targets longer than this are not kept (the column's width). */
    static final int TARGET_LIMIT = 4000;

    private final Jdbi jdbi;

    public JdbiSampleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void merge(Collection<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        SplittableRandom random = new SplittableRandom();
        jdbi.useTransaction(h -> {
            TrafficNames names = new TrafficNames(h);
            names.need(samples, Sample::service, Sample::environment, Sample::caller, Sample::operation);
            Map<String, List<Sample>> stored = byKey(read(h, samples.iterator().next().service(),
                    samples.iterator().next().environment()));
            try (JdbcRows upsert = new JdbcRows(h, "insert into traffic_targets (service_id, environment_id, caller_id,"
                    + " operation_id, known, targets, seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (service_id, environment_id, caller_id, operation_id) do update set"
                    + " known = excluded.known, targets = excluded.targets, seen = excluded.seen,"
                    + " last_seen = excluded.last_seen")) {
                JdbcRows.Binder<Sample> binder = (st, row) -> bind(st, names, row);
                for (Sample s : samples) {
                    List<Sample> parts = stored.get(key(s));
                    Sample m = parts == null ? s : TargetSamples.merge(List.of(parts.get(0), s), random);
                    upsert.add(m, binder);
                }
            }
        });
    }

    /** One reservoir's row: its targets joined by line feeds, without those too long or holding one. */
    private static void bind(PreparedStatement st, TrafficNames names, Sample m) throws SQLException {
        st.setLong(1, names.id(m.service()));
        st.setLong(2, names.id(m.environment()));
        st.setLong(3, names.id(m.caller()));
        st.setLong(4, names.id(m.operation()));
        st.setBoolean(5, m.known());
        StringBuilder targets = new StringBuilder();
        for (String t : m.targets()) {
            if (t.length() <= TARGET_LIMIT && t.indexOf('\n') < 0) {
                targets.append(targets.length() == 0 ? "" : "\n").append(t);
            }
        }
        st.setString(6, targets.toString());
        st.setLong(7, m.seen());
        st.setLong(8, m.lastSeen().toEpochMilli());
    }

    private static String key(Sample s) {
        return s.service() + "\n" + s.environment() + "\n" + s.caller() + "\n" + s.operation();
    }

    private static Map<String, List<Sample>> byKey(List<Sample> samples) {
        Map<String, List<Sample>> m = new LinkedHashMap<>();
        samples.forEach(s -> m.put(key(s), List.of(s)));
        return m;
    }

    @Override
    public List<Sample> samples(String service, String environment) {
        return jdbi.withHandle(h -> read(h, service, environment));
    }

    private static List<Sample> read(Handle h, String service, String environment) {
        return h.createQuery("select c.name, t.known, o.name, t.targets, t.seen, t.last_seen from traffic_targets t"
                        + TrafficNames.joins("t") + " where t.service_id = " + TrafficNames.ID_OF + ":s)"
                        + " and t.environment_id = " + TrafficNames.ID_OF + ":e) order by c.name, o.name")
                .bind("s", service).bind("e", environment)
                .map((rs, ctx) -> {
                    String targets = rs.getString(4);
                    return new Sample(service, environment, rs.getString(1), rs.getBoolean(2), rs.getString(3),
                            targets.isEmpty() ? List.of() : List.of(targets.split("\n", -1)), rs.getLong(5),
                            Instant.ofEpochMilli(rs.getLong(6)));
                }).list();
    }

    @Override
    public int prune(Instant before) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("delete from traffic_targets where last_seen < :t").bind("t", before.toEpochMilli())
                    .execute();
            TrafficNames.forgetUnused(h);
            return n;
        });
    }
}
