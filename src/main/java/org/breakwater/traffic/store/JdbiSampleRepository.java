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

/** Target samples in SQL, one row per kept target; a merge rewrites the reservoirs it touches. */
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
            Map<String, List<Sample>> stored = byKey(read(h, samples.iterator().next().service(),
                    samples.iterator().next().environment()));
            List<Sample> merged = new ArrayList<>(samples.size());
            try (JdbcRows delete = new JdbcRows(h, "delete from traffic_sample where service = ? and environment = ?"
                    + " and caller = ? and operation = ?")) {
                for (Sample s : samples) {
                    List<Sample> parts = stored.get(key(s));
                    if (parts != null) {
                        delete.add(s, JdbiSampleRepository::bindKey);
                    }
                    merged.add(parts == null ? s : TargetSamples.merge(List.of(parts.get(0), s), random));
                }
            }
            try (JdbcRows insert = new JdbcRows(h, "insert into traffic_sample (service, environment, caller, known,"
                    + " operation, slot, target, seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Sample m : merged) {
                    int slot = 0;
                    for (String t : m.targets()) {
                        if (t.length() <= TARGET_LIMIT) {
                            int at = slot++;
                            insert.add(t, (st, target) -> bindTarget(st, m, at, target));
                        }
                    }
                }
            }
        });
    }

    private static void bindKey(PreparedStatement st, Sample s) throws SQLException {
        st.setString(1, s.service());
        st.setString(2, s.environment());
        st.setString(3, s.caller());
        st.setString(4, s.operation());
    }

    private static void bindTarget(PreparedStatement st, Sample m, int slot, String target) throws SQLException {
        st.setString(1, m.service());
        st.setString(2, m.environment());
        st.setString(3, m.caller());
        st.setBoolean(4, m.known());
        st.setString(5, m.operation());
        st.setInt(6, slot);
        st.setString(7, target);
        st.setLong(8, m.seen());
        st.setLong(9, m.lastSeen().toEpochMilli());
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
        Map<String, Sample> out = new LinkedHashMap<>();
        Map<String, List<String>> targets = new LinkedHashMap<>();
        h.createQuery("select caller, known, operation, target, seen, last_seen from traffic_sample"
                        + " where service = :s and environment = :e order by caller, operation, slot")
                .bind("s", service).bind("e", environment)
                .map((rs, ctx) -> {
                    String k = rs.getString(1) + "\n" + rs.getString(3);
                    targets.computeIfAbsent(k, x -> new ArrayList<>()).add(rs.getString(4));
                    out.putIfAbsent(k, new Sample(service, environment, rs.getString(1), rs.getBoolean(2), rs.getString(3),
                            List.of(), rs.getLong(5), Instant.ofEpochMilli(rs.getLong(6))));
                    return k;
                }).list();
        List<Sample> list = new ArrayList<>();
        out.forEach((k, s) -> list.add(new Sample(s.service(), s.environment(), s.caller(), s.known(), s.operation(),
                targets.get(k), s.seen(), s.lastSeen())));
        return list;
    }

    @Override
    public int prune(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("delete from traffic_sample where last_seen < :t")
                .bind("t", before.toEpochMilli()).execute());
    }
}
