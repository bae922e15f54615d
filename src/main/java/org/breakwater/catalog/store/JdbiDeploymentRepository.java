package org.breakwater.catalog.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.DeploymentRepository;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Release;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Releases, API descriptions and deployments in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiDeploymentRepository implements DeploymentRepository {
    private static final String DEPLOYMENT_COLUMNS = "d.id, d.service, d.version, d.environment, d.deployed_at,"
            + " d.deployed_by, d.notes, r.api_hash";

    private final Jdbi jdbi;

    public JdbiDeploymentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Deployment record(NewDeployment d, Optional<ApiDescription> api, Instant recordedAt) {
        return jdbi.inTransaction(h -> {
            api.ifPresent(a -> storeDescription(h, a, recordedAt.toEpochMilli()));
            h.createUpdate("insert into service_release (service, version, api_hash, recorded_at) values (?, ?, ?, ?)"
                            + " on conflict (service, version) do nothing")
                    .bind(0, d.service()).bind(1, d.version()).bind(2, api.map(ApiDescription::hash).orElse(null))
                    .bind(3, recordedAt.toEpochMilli()).execute();
            if (api.isPresent()) { // a release first recorded without its description gets it now
                h.createUpdate("update service_release set api_hash = ? where service = ? and version = ? and api_hash is null")
                        .bind(0, api.get().hash()).bind(1, d.service()).bind(2, d.version()).execute();
            }
            long id = h.createUpdate("insert into deployment (service, version, environment, deployed_at, deployed_by,"
                            + " notes, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, d.service()).bind(1, d.version()).bind(2, d.environment()).bind(3, d.at().toEpochMilli())
                    .bind(4, d.by()).bind(5, d.notes().orElse(null)).bind(6, recordedAt.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery("select " + DEPLOYMENT_COLUMNS + " from deployment d join service_release r"
                            + " on r.service = d.service and r.version = d.version where d.id = ?")
                    .bind(0, id).map((rs, ctx) -> deployment(rs)).one();
        });
    }

    @Override
    public void storeDescription(ApiDescription description, Instant at) {
        jdbi.useTransaction(h -> storeDescription(h, description, at.toEpochMilli()));
    }

    /** Stores a description unless one with the same hash is already there. */
    static void storeDescription(Handle h, ApiDescription api, long now) {
        boolean known = h.createQuery("select count(*) from api_description where hash = ?").bind(0, api.hash())
                .mapTo(Integer.class).one() > 0;
        if (known) {
            return;
        }
        h.createUpdate("insert into api_description (hash, main_file, size, stored_at) values (?, ?, ?, ?)")
                .bind(0, api.hash()).bind(1, api.mainFile()).bind(2, api.size()).bind(3, now).execute();
        var batch = h.prepareBatch("insert into api_file (hash, path, content) values (?, ?, ?)");
        api.files().forEach((path, content) -> batch.add(api.hash(), path, content));
        batch.execute();
    }

    private static Deployment deployment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Deployment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), Optional.ofNullable(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)));
    }

    @Override
    public Optional<Release> release(String service, String version) {
        return jdbi.withHandle(h -> h.createQuery("select service, version, api_hash, recorded_at from service_release"
                        + " where service = ? and version = ?").bind(0, service).bind(1, version)
                .map((rs, ctx) -> new Release(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4)))).findOne());
    }

    @Override
    public Optional<ApiDescription> description(String hash) {
        return jdbi.withHandle(h -> {
            Optional<String> main = h.createQuery("select main_file from api_description where hash = ?").bind(0, hash)
                    .mapTo(String.class).findOne();
            if (main.isEmpty()) {
                return Optional.empty();
            }
            SortedMap<String, String> files = new TreeMap<>();
            h.createQuery("select path, content from api_file where hash = ?").bind(0, hash)
                    .map((rs, ctx) -> files.put(rs.getString(1), rs.getString(2))).list();
            return Optional.of(new ApiDescription(hash, main.get(), files));
        });
    }

    @Override
    public List<Placement> where(Optional<String> service, Instant at) {
        // one service (and all services on SQLite, whose planner does it well): the newest row of
        // each place, found through the index; all services on PostgreSQL: one pass with a
        // window function (the correlated form is planned as a subquery per row there)
        String sql = service.isPresent() || !postgres()
                ? "select d.service, d.environment, d.version, r.api_hash, d.deployed_at, d.deployed_by"
                + " from (select distinct service, environment from deployment"
                + (service.isPresent() ? " where service = :service" : "") + ") p"
                + " join deployment d on d.id = (select d2.id from deployment d2 where d2.service = p.service"
                + " and d2.environment = p.environment and d2.deployed_at <= :at"
                + " order by d2.deployed_at desc, d2.id desc limit 1)"
                + " join service_release r on r.service = d.service and r.version = d.version"
                + " order by d.service, d.environment"
                : "select x.service, x.environment, x.version, r.api_hash, x.deployed_at, x.deployed_by"
                + " from (select d.service, d.environment, d.version, d.deployed_at, d.deployed_by, row_number()"
                + " over (partition by d.service, d.environment order by d.deployed_at desc, d.id desc) as n"
                + " from deployment d where d.deployed_at <= :at) x"
                + " join service_release r on r.service = x.service and r.version = x.version"
                + " where x.n = 1 order by x.service, x.environment";
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("service", service.orElse(null)).bind("at", at.toEpochMilli())
                .map((rs, ctx) -> new Placement(rs.getString(1), rs.getString(2), rs.getString(3),
                        Optional.ofNullable(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)))
                .list());
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbi.withHandle(h -> {
                try {
                    return h.getConnection().getMetaData().getDatabaseProductName()
                            .toLowerCase(java.util.Locale.ROOT).contains("postgres");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("cannot tell which database this is", e);
                }
            });
            postgres = known;
        }
        return known;
    }

    @Override
    public List<Deployment> history(String service, Optional<String> environment, int limit) {
        String sql = "select " + DEPLOYMENT_COLUMNS + " from deployment d join service_release r"
                + " on r.service = d.service and r.version = d.version where d.service = :service"
                + (environment.isPresent() ? " and d.environment = :env" : "")
                + " order by d.deployed_at desc, d.id desc limit :limit";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("service", service)
                .bind("env", environment.orElse(null)).bind("limit", limit)
                .map((rs, ctx) -> deployment(rs)).list());
    }

    @Override
    public int prune(Instant before) {
        return jdbi.inTransaction(h -> h.createUpdate("delete from deployment where deployed_at < :before"
                        + " and id not in (select (select d2.id from deployment d2 where d2.service = p.service"
                        + " and d2.environment = p.environment order by d2.deployed_at desc, d2.id desc limit 1)"
                        + " from (select distinct service, environment from deployment) p)")
                .bind("before", before.toEpochMilli()).execute());
    }
}
