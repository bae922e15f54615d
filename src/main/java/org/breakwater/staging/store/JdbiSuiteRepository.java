package org.breakwater.staging.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.staging.RunStatus;
import org.breakwater.staging.SealedSecret;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.StoredCase;
import org.breakwater.staging.Due;
import org.breakwater.staging.SuiteRepository;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.TestId;
import org.breakwater.staging.TestStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Suites, secrets, runs, cases and the schedule in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiSuiteRepository implements SuiteRepository {
    private static final String SUITE = "name, services, command, workdir, env, results, timeout_s, display, environment,"
            + " cron, time_zone, origin, identify";
    private static final String RUN = "id, suite, status, trigger_by, started, finished, exit_code, versions, message,"
            + " tests, failures, skipped";

    private final Jdbi jdbi;
    private final DueRows due;

    public JdbiSuiteRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.due = new DueRows(jdbi, "staging_schedule", "suite", Optional.of("due_reason"));
    }

    private static StagingSuite suite(ResultSet rs) throws SQLException {
        return new StagingSuite(rs.getString("name"), Arrays.stream(rs.getString("services").split("\n"))
                .filter(s -> !s.isEmpty()).toList(), rs.getString("command"), rs.getString("workdir"),
                JsonMaps.read(rs.getString("env")), rs.getString("results"), Duration.ofSeconds(rs.getLong("timeout_s")),
                StagingSuite.Display.parse(rs.getString("display")).orElse(StagingSuite.Display.NONE),
                rs.getString("environment"), rs.getString("cron"), ZoneId.of(rs.getString("time_zone")),
                rs.getString("origin"), rs.getString("identify"));
    }

    private static SuiteRun run(ResultSet rs, boolean output) throws SQLException {
        long finished = rs.getLong("finished");
        Optional<Instant> f = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        int exit = rs.getInt("exit_code");
        Optional<Integer> e = rs.wasNull() ? Optional.empty() : Optional.of(exit);
        return new SuiteRun(rs.getLong("id"), rs.getString("suite"),
                RunStatus.parse(rs.getString("status")).orElse(RunStatus.ERROR), rs.getString("trigger_by"),
                Instant.ofEpochMilli(rs.getLong("started")), f, e, JsonMaps.read(rs.getString("versions")),
                rs.getString("message"), output ? rs.getString("output") : "", rs.getInt("tests"), rs.getInt("failures"),
                rs.getInt("skipped"));
    }

    @Override
    public Optional<StagingSuite> suite(String name) {
        return jdbi.withHandle(h -> h.createQuery("select " + SUITE + " from staging_suite where name = ?").bind(0, name)
                .map((rs, ctx) -> suite(rs)).findOne());
    }

    @Override
    public List<StagingSuite> suites() {
        return jdbi.withHandle(h -> h.createQuery("select " + SUITE + " from staging_suite order by name")
                .map((rs, ctx) -> suite(rs)).list());
    }

    @Override
    public void save(StagingSuite s, Instant at) {
        jdbi.useTransaction(h -> upsert(h, s, at));
    }

    private static void upsert(Handle h, StagingSuite s, Instant at) {
        h.createUpdate("delete from staging_suite where name = ?").bind(0, s.name()).execute();
        h.createUpdate("insert into staging_suite (" + SUITE + ", updated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, s.name()).bind(1, String.join("\n", s.services())).bind(2, s.command()).bind(3, s.workdir())
                .bind(4, JsonMaps.write(s.env())).bind(5, s.results()).bind(6, (int) s.timeout().toSeconds())
                .bind(7, s.display().id()).bind(8, s.environment()).bind(9, s.cron()).bind(10, s.zone().getId())
                .bind(11, s.origin()).bind(12, s.identify()).bind(13, at.toEpochMilli()).execute();
    }

    @Override
    public void replaceFileSuites(Collection<StagingSuite> fromFiles, Instant at) {
        Set<String> keep = new HashSet<>();
        fromFiles.forEach(s -> keep.add(s.name()));
        jdbi.useTransaction(h -> {
            List<String> old = h.createQuery("select name from staging_suite where origin <> 'cli'").mapTo(String.class)
                    .list();
            for (String name : old) {
                if (!keep.contains(name)) {
                    delete(h, name);
                }
            }
            fromFiles.forEach(s -> upsert(h, s, at));
        });
    }

    @Override
    public boolean remove(String name) {
        return jdbi.inTransaction(h -> delete(h, name));
    }

    private static boolean delete(Handle h, String name) {
        h.createUpdate("delete from staging_secret where suite = ?").bind(0, name).execute();
        h.createUpdate("delete from staging_schedule where suite = ?").bind(0, name).execute();
        return h.createUpdate("delete from staging_suite where name = ?").bind(0, name).execute() > 0;
    }

    @Override
    public void saveSecret(String suite, SealedSecret s, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from staging_secret where suite = ? and name = ?").bind(0, suite).bind(1, s.name())
                    .execute();
            h.createUpdate("insert into staging_secret (suite, name, nonce, sealed, key_id, updated)"
                            + " values (?, ?, ?, ?, ?, ?)").bind(0, suite).bind(1, s.name()).bind(2, s.nonce())
                    .bind(3, s.sealed()).bind(4, s.keyId()).bind(5, at.toEpochMilli()).execute();
        });
    }

    @Override
    public boolean removeSecret(String suite, String name) {
        return jdbi.withHandle(h -> h.createUpdate("delete from staging_secret where suite = ? and name = ?")
                .bind(0, suite).bind(1, name).execute() > 0);
    }

    @Override
    public List<SealedSecret> secrets(String suite) {
        return jdbi.withHandle(h -> h.createQuery("select name, nonce, sealed, key_id from staging_secret where suite = ?"
                        + " order by name").bind(0, suite)
                .map((rs, ctx) -> new SealedSecret(rs.getString("name"), rs.getString("nonce"), rs.getString("sealed"),
                        rs.getString("key_id"))).list());
    }

    @Override
    public long begin(String suite, String trigger, Instant started, Map<String, String> versions) {
        return jdbi.withHandle(h -> h.createUpdate("insert into staging_run (suite, status, trigger_by, started, heartbeat,"
                        + " versions, message, output, tests, failures, skipped) values (?, ?, ?, ?, ?, ?, '', '', 0, 0, 0)")
                .bind(0, suite).bind(1, RunStatus.RUNNING.id()).bind(2, trigger).bind(3, started.toEpochMilli())
                .bind(4, started.toEpochMilli()).bind(5, JsonMaps.write(versions))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public void heartbeat(long run, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("update staging_run set heartbeat = ? where id = ? and status = ?")
                .bind(0, at.toEpochMilli()).bind(1, run).bind(2, RunStatus.RUNNING.id()).execute());
    }

    @Override
    public boolean finish(SuiteRun r, List<StoredCase> cases) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("update staging_run set status = ?, finished = ?, exit_code = ?, message = ?,"
                            + " output = ?, tests = ?, failures = ?, skipped = ? where id = ? and status = ?")
                    .bind(0, r.status().id()).bind(1, r.finished().map(Instant::toEpochMilli).orElse(null))
                    .bind(2, r.exitCode().orElse(null)).bind(3, r.message()).bind(4, r.output()).bind(5, r.tests())
                    .bind(6, r.failures()).bind(7, r.skipped()).bind(8, r.id()).bind(9, RunStatus.RUNNING.id()).execute();
            if (changed == 0) {
                return false;
            }
            var batch = h.prepareBatch("insert into staging_case (run_id, test_id, status, duration_ms, reruns, message)"
                    + " values (?, ?, ?, ?, ?, ?)");
            for (StoredCase c : cases) {
                batch.bind(0, r.id()).bind(1, c.id().value()).bind(2, c.status().name().toLowerCase(java.util.Locale.ROOT))
                        .bind(3, c.duration().toMillis()).bind(4, c.reruns()).bind(5, c.message()).add();
            }
            if (!cases.isEmpty()) {
                batch.execute();
            }
            return true;
        });
    }

    @Override
    public int interruptStale(Instant before, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("update staging_run set status = ?, finished = ?, message = ?"
                        + " where status = ? and heartbeat < ?").bind(0, RunStatus.INTERRUPTED.id())
                .bind(1, now.toEpochMilli()).bind(2, "Breakwater stopped while this run was going (found on the next start);"
                        + " its result is unknown").bind(3, RunStatus.RUNNING.id()).bind(4, before.toEpochMilli()).execute());
    }

    @Override
    public Optional<SuiteRun> run(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + RUN + ", output from staging_run where id = ?").bind(0, id)
                .map((rs, ctx) -> run(rs, true)).findOne());
    }

    @Override
    public List<SuiteRun> runs(Optional<String> suite, int limit) {
        String where = suite.isPresent() ? " where suite = :suite" : "";
        return jdbi.withHandle(h -> h.createQuery("select " + RUN + " from staging_run" + where
                        + " order by started desc, id desc limit :limit").bind("suite", suite.orElse(""))
                .bind("limit", limit).map((rs, ctx) -> run(rs, false)).list());
    }

    @Override
    public List<SuiteRun> runsBetween(Set<String> suites, Instant from, Instant to) {
        if (suites.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select " + RUN + " from staging_run where suite in (<suites>)"
                        + " and started >= :from and started < :to order by started, id").bindList("suites", List.copyOf(suites))
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).map((rs, ctx) -> run(rs, false)).list());
    }

    /** Runs started before :before, not running, with at least :keep newer runs of their suite. */
    private static final String OLD_RUNS = "select r.id from staging_run r where r.started < :before and r.status <> 'running'"
            + " and (select count(*) from staging_run n where n.suite = r.suite and (n.started > r.started"
            + " or (n.started = r.started and n.id > r.id))) >= :keep";

    @Override
    public Pruned prune(Instant before, int keepNewest) {
        return jdbi.inTransaction(h -> {
            int cases = h.createUpdate("delete from staging_case where run_id in (" + OLD_RUNS + ")")
                    .bind("before", before.toEpochMilli()).bind("keep", keepNewest).execute();
            int runs = h.createUpdate("delete from staging_run where id in (select id from (" + OLD_RUNS + ") old)")
                    .bind("before", before.toEpochMilli()).bind("keep", keepNewest).execute();
            return new Pruned(runs, cases);
        });
    }

    @Override
    public List<StoredCase> cases(long run) {
        return jdbi.withHandle(h -> h.createQuery("select test_id, status, duration_ms, reruns, message from staging_case"
                        + " where run_id = ? order by test_id").bind(0, run)
                .map((rs, ctx) -> new StoredCase(new TestId(rs.getString("test_id")),
                        TestStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                        Duration.ofMillis(rs.getLong("duration_ms")), rs.getInt("reruns"), rs.getString("message")))
                .list());
    }

    @Override
    public Set<TestId> seenBefore(String suite, long run, Set<TestId> ids) {
        Set<TestId> out = new HashSet<>();
        List<String> all = ids.stream().map(TestId::value).toList();
        for (int i = 0; i < all.size(); i += 500) {
            List<String> part = all.subList(i, Math.min(all.size(), i + 500));
            jdbi.useHandle(h -> h.createQuery("select distinct c.test_id from staging_case c join staging_run r"
                            + " on r.id = c.run_id where r.suite = :suite and r.id < :run and c.test_id in (<ids>)")
                    .bind("suite", suite).bind("run", run).bindList("ids", part).mapTo(String.class)
                    .forEach(v -> out.add(new TestId(v))));
        }
        return out;
    }

    @Override
    public Optional<Instant> nextDue(String suite) {
        return due.nextDue(suite);
    }

    @Override
    public Optional<Due> due(String suite) {
        return due.due(suite);
    }

    @Override
    public void setDue(String suite, Instant at, Instant now, String reason) {
        due.setDue(suite, at, now, reason);
    }

    @Override
    public boolean take(String suite, Instant expected, Instant next, String owner, Instant now) {
        return due.take(suite, expected, next, owner, now);
    }
}
