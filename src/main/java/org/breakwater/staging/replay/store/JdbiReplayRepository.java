package org.breakwater.staging.replay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.staging.replay.Difference;
import org.breakwater.staging.replay.DifferenceGroup;
import org.breakwater.staging.replay.ReplayRepository;
import org.breakwater.staging.replay.ReplayRun;
import org.breakwater.staging.store.DueRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Replays in SQL: a run row and one row per difference; lists are stored one item per line. */
public final class JdbiReplayRepository implements ReplayRepository {
    private static final String RUN = "select id, plan_id, started, finished, candidate, baselines, versions, calls,"
            + " differing, unanswered, capped, skipped from replay_run";

    private final Jdbi jdbi;
    private final DueRows due;

    public JdbiReplayRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.due = new DueRows(jdbi, "replay_schedule", "plan_id");
    }

    @Override
    public long save(ReplayRun r) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("insert into replay_run (plan_id, started, finished, candidate, baselines, versions,"
                            + " calls, differing, unanswered, capped, skipped) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, r.plan()).bind(1, r.started().toEpochMilli()).bind(2, r.finished().toEpochMilli())
                    .bind(3, r.candidate()).bind(4, lines(r.baselines())).bind(5, lines(r.versions()))
                    .bind(6, r.calls()).bind(7, r.differing()).bind(8, r.unanswered()).bind(9, r.capped())
                    .bind(10, lines(r.skipped()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch b = h.prepareBatch("insert into replay_difference (run_id, position, diff_key, service,"
                    + " operation, kind, path, was, now_is, calls, callers, example, noise)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            int i = 0;
            for (DifferenceGroup g : r.groups()) {
                List<String> callers = g.callers().stream().map(c -> c.caller() + "\t" + c.known() + "\t" + c.calls())
                        .toList();
                b.add(id, i++, g.key(), g.service(), cut(g.operation(), 1000), g.kind().name(), cut(g.path(), 2000),
                        cut(g.was(), 400), cut(g.is(), 400), g.calls(), lines(callers), cut(g.example(), 4000), g.noise());
            }
            if (i > 0) {
                b.execute();
            }
            PreparedBatch ops = h.prepareBatch("insert into replay_operation (run_id, service, operation, calls)"
                    + " values (?, ?, ?, ?)");
            r.exercised().forEach(e -> ops.add(id, e.service(), cut(e.operation(), 1000), e.calls()));
            if (!r.exercised().isEmpty()) {
                ops.execute();
            }
            return id;
        });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Override
    public Optional<ReplayRun> run(long id) {
        return jdbi.withHandle(h -> h.createQuery(RUN + " where id = :id").bind("id", id)
                .map((rs, ctx) -> run(rs, differences(h, id))).findOne()
                .map(r -> withExercised(r, exercised(h, id))));
    }

    @Override
    public Optional<ReplayRun> latest(long plan) {
        Optional<Long> id = jdbi.withHandle(h -> h.createQuery("select id from replay_run where plan_id = :p"
                + " order by started desc, id desc").bind("p", plan).mapTo(Long.class).findFirst());
        return id.flatMap(this::run);
    }

    @Override
    public List<ReplayRun> runs(long plan) {
        return jdbi.withHandle(h -> h.createQuery(RUN + " where plan_id = :p order by started desc, id desc")
                .bind("p", plan).map((rs, ctx) -> run(rs, List.of())).list());
    }

    private static ReplayRun run(ResultSet rs, List<DifferenceGroup> groups) throws SQLException {
        return new ReplayRun(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), split(rs.getString(6)), split(rs.getString(7)),
                rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getBoolean(11), split(rs.getString(12)), groups);
    }

    private static ReplayRun withExercised(ReplayRun r, List<ReplayRun.Exercised> ops) {
        return new ReplayRun(r.id(), r.plan(), r.started(), r.finished(), r.candidate(), r.baselines(), r.versions(),
                r.calls(), r.differing(), r.unanswered(), r.capped(), r.skipped(), r.groups(), ops);
    }

    private static List<ReplayRun.Exercised> exercised(Handle h, long run) {
        return h.createQuery("select service, operation, calls from replay_operation where run_id = :r"
                        + " order by service, operation").bind("r", run)
                .map((rs, ctx) -> new ReplayRun.Exercised(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    private static List<DifferenceGroup> differences(Handle h, long run) {
        return h.createQuery("select service, operation, kind, path, was, now_is, calls, callers, example, noise"
                        + " from replay_difference where run_id = :r order by position").bind("r", run)
                .map((rs, ctx) -> {
                    List<DifferenceGroup.CallerCalls> callers = new ArrayList<>();
                    for (String line : split(rs.getString(8))) {
                        String[] f = line.split("\t");
                        callers.add(new DifferenceGroup.CallerCalls(f[0], Boolean.parseBoolean(f[1]), Long.parseLong(f[2])));
                    }
                    return new DifferenceGroup(rs.getString(1), rs.getString(2), Difference.Kind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), callers, rs.getString(9),
                            rs.getBoolean(10));
                }).list();
    }

    @Override
    public void acknowledge(ReplayRun.Acknowledgement a) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from replay_ack where plan_id = :p and diff_key = :k").bind("p", a.plan())
                    .bind("k", a.key()).execute();
            h.createUpdate("insert into replay_ack (plan_id, diff_key, by_whom, at, note) values (?, ?, ?, ?, ?)")
                    .bind(0, a.plan()).bind(1, a.key()).bind(2, a.by()).bind(3, a.at().toEpochMilli()).bind(4, a.note())
                    .execute();
        });
    }

    @Override
    public List<ReplayRun.Acknowledgement> acknowledgements(long plan) {
        return jdbi.withHandle(h -> h.createQuery("select plan_id, diff_key, by_whom, at, note from replay_ack"
                        + " where plan_id = :p order by at, diff_key").bind("p", plan)
                .map((rs, ctx) -> new ReplayRun.Acknowledgement(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5))).list());
    }

    /** Runs started before :before with at least :keep newer runs of their plan. */
    private static final String OLD_RUNS = "select r.id from replay_run r where r.started < :before"
            + " and (select count(*) from replay_run n where n.plan_id = r.plan_id and (n.started > r.started"
            + " or (n.started = r.started and n.id > r.id))) >= :keep";

    @Override
    public Pruned prune(Instant before, int keepNewest) {
        return jdbi.inTransaction(h -> {
            long t = before.toEpochMilli();
            int differences = h.createUpdate("delete from replay_difference where run_id in (" + OLD_RUNS + ")")
                    .bind("before", t).bind("keep", keepNewest).execute();
            h.createUpdate("delete from replay_operation where run_id in (" + OLD_RUNS + ")")
                    .bind("before", t).bind("keep", keepNewest).execute();
            int runs = h.createUpdate("delete from replay_run where id in (select id from (" + OLD_RUNS + ") old)")
                    .bind("before", t).bind("keep", keepNewest).execute();
            return new Pruned(runs, differences);
        });
    }

    @Override
    public List<ReplayRun.Exercised> exercised(String service, String candidate, Instant since, Instant until) {
        return jdbi.withHandle(h -> h.createQuery("select o.operation, sum(o.calls) from replay_operation o join"
                        + " replay_run r on r.id = o.run_id where o.service = :s and r.candidate = :c and r.started >= :since"
                        + " and r.started < :until group by o.operation order by o.operation")
                .bind("s", service).bind("c", candidate).bind("since", since.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .map((rs, ctx) -> new ReplayRun.Exercised(service, rs.getString(1), rs.getLong(2))).list());
    }

    @Override
    public List<ReplayRun> runsExercising(String service, String candidate, Instant since, Instant until) {
        return jdbi.withHandle(h -> h.createQuery(RUN + " where candidate = :c and started >= :since and started < :until"
                        + " and exists (select 1 from replay_operation o where o.run_id = replay_run.id and o.service = :s)"
                        + " order by started, id").bind("s", service).bind("c", candidate)
                .bind("since", since.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> run(rs, List.of())).list());
    }

    @Override
    public Optional<Instant> nextDue(long plan) {
        return due.nextDue(plan);
    }

    @Override
    public void setDue(long plan, Instant at, Instant now) {
        due.setDue(plan, at, now);
    }

    @Override
    public void addDue(long plan, Instant at, Instant now) {
        due.addDue(plan, at, now);
    }

    @Override
    public boolean take(long plan, Instant expected, Instant next, String owner, Instant now) {
        return due.take(plan, expected, next, owner, now);
    }
}
