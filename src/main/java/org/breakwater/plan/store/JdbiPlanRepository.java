package org.breakwater.plan.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanRepository;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.Waiver;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Plans in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiPlanRepository implements PlanRepository {
    private static final String PLAN_COLUMNS = "id, title, environment, starts_at, duration_s, owner, ticket, status,"
            + " created_at";

    private final Jdbi jdbi;

    public JdbiPlanRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Plan create(Plan plan) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("insert into plan (title, environment, starts_at, duration_s, owner, ticket, status,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, plan.title()).bind(1, plan.environment()).bind(2, plan.start().toEpochMilli())
                    .bind(3, plan.duration().getSeconds()).bind(4, plan.owner()).bind(5, plan.ticket().orElse(null))
                    .bind(6, plan.status().id()).bind(7, plan.createdAt().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var batch = h.prepareBatch("insert into plan_release (plan_id, service, version, api_hash) values (?, ?, ?, ?)");
            for (PlannedRelease r : plan.releases()) {
                batch.add(id, r.service(), r.version(), r.apiHash().orElse(null));
            }
            batch.execute();
            return load(h, "where id = ?", id).get(0);
        });
    }

    private static List<Plan> load(Handle h, String where, Object... args) {
        var query = h.createQuery("select " + PLAN_COLUMNS + " from plan " + where);
        for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
        }
        List<Object[]> rows = query.map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PlannedRelease>> releases = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (Object[] r : rows) {
            in.append(in.length() == 0 ? "" : ", ").append((long) r[0]);
        }
        h.createQuery("select plan_id, service, version, api_hash from plan_release where plan_id in (" + in
                        + ") order by plan_id, service")
                .map((rs, ctx) -> releases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new PlannedRelease(rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)))))
                .list();
        List<Plan> plans = new ArrayList<>();
        for (Object[] r : rows) {
            long id = (long) r[0];
            plans.add(new Plan(id, (String) r[1], releases.getOrDefault(id, List.of()), (String) r[2],
                    Instant.ofEpochMilli((long) r[3]), Duration.ofSeconds((long) r[4]), (String) r[5],
                    Optional.ofNullable((String) r[6]), PlanStatus.parse((String) r[7]).orElseThrow(),
                    Instant.ofEpochMilli((long) r[8])));
        }
        return plans;
    }

    private static Object[] row(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9)};
    }

    @Override
    public Optional<Plan> plan(long id) {
        return jdbi.withHandle(h -> load(h, "where id = ?", id).stream().findFirst());
    }

    @Override
    public List<Plan> plans(Optional<PlanStatus> status) {
        return jdbi.withHandle(h -> status.isPresent()
                ? load(h, "where status = ? order by starts_at desc, id desc", status.get().id())
                : load(h, "order by starts_at desc, id desc"));
    }

    @Override
    public List<Plan> openPlansShipping(String service, String version, String environment) {
        return jdbi.withHandle(h -> load(h, "where environment = ? and status in ('draft', 'scheduled', 'in-progress')"
                + " and id in (select plan_id from plan_release where service = ? and version = ?)"
                + " order by case status when 'in-progress' then 0 when 'scheduled' then 1 else 2 end, starts_at, id",
                environment, service, version));
    }

    @Override
    public void update(Plan plan) {
        jdbi.useHandle(h -> h.createUpdate("update plan set title = ?, starts_at = ?, duration_s = ?, owner = ?,"
                        + " ticket = ?, status = ? where id = ?")
                .bind(0, plan.title()).bind(1, plan.start().toEpochMilli()).bind(2, plan.duration().getSeconds())
                .bind(3, plan.owner()).bind(4, plan.ticket().orElse(null)).bind(5, plan.status().id())
                .bind(6, plan.id()).execute());
    }

    @Override
    public Evidence addEvidence(long planId, String gate, String evidence, String by, Instant at, Optional<String> note,
                                Optional<String> decision) {
        long id = jdbi.withHandle(h -> h.createUpdate("insert into gate_evidence (plan_id, gate, evidence, by_user, at,"
                        + " note, decision) values (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, planId).bind(1, gate).bind(2, evidence).bind(3, by).bind(4, at.toEpochMilli())
                .bind(5, note.orElse(null)).bind(6, decision.orElse(null))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Evidence(id, planId, gate, evidence, by, at, note, decision);
    }

    @Override
    public List<Evidence> evidence(long planId) {
        return jdbi.withHandle(h -> h.createQuery("select id, plan_id, gate, evidence, by_user, at, note, decision"
                        + " from gate_evidence where plan_id = ? order by at, id").bind(0, planId)
                .map((rs, ctx) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), Optional.ofNullable(rs.getString(7)),
                        Optional.ofNullable(rs.getString(8)))).list());
    }

    @Override
    public void waive(Waiver w) {
        jdbi.useHandle(h -> h.createUpdate("insert into gate_waiver (plan_id, gate, reason, approver, at)"
                        + " values (?, ?, ?, ?, ?)")
                .bind(0, w.planId()).bind(1, w.gate()).bind(2, w.reason()).bind(3, w.approver())
                .bind(4, w.at().toEpochMilli()).execute());
    }

    @Override
    public List<Waiver> waivers(long planId) {
        return jdbi.withHandle(h -> h.createQuery("select plan_id, gate, reason, approver, at from gate_waiver"
                        + " where plan_id = ? order by at, id").bind(0, planId)
                .map((rs, ctx) -> new Waiver(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)))).list());
    }
}
