package org.breakwater.catalog.store;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogRepository;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.ConsumerKind;
import org.breakwater.catalog.Identify;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.Use;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The catalog in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiCatalogRepository implements CatalogRepository {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiCatalogRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Catalog load() {
        return jdbi.withHandle(JdbiCatalogRepository::load);
    }

    static Catalog load(Handle h) {
        List<Environment> envs = h.createQuery("select name, description, production, hosts, base_url, baselines from environment order by position")
                .map((rs, ctx) -> environment(rs)).list();
        Map<String, List<String>> members = new HashMap<>();
        Map<String, List<String>> teamsOf = new HashMap<>();
        h.createQuery("select team, username from team_member order by team, position").map((rs, ctx) -> {
            members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            teamsOf.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
            return 0;
        }).list();
        List<Team> teams = h.createQuery("select name, title, infrastructure, mailing_list, chat from team")
                .map((rs, ctx) -> new Team(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                        members.getOrDefault(rs.getString(1), List.of()))).list();
        List<Person> people = h.createQuery("select username, name, email, timezone from person")
                .map((rs, ctx) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4)), sortedCopy(teamsOf.getOrDefault(rs.getString(1), List.of()))))
                .list();
        List<Service> services = services(h);
        List<Consumer> consumers = consumers(h, "select name, kind, service, owner_team, contact, description from consumer",
                "select consumer, provider, whole_api, operation, operation_id, operation_key from consumer_use"
                        + " order by consumer, use_position, position", Map.of());
        return new Catalog(envs, teams, people, services, consumers);
    }

    /** The active services, in name order, without loading the rest of the catalog. */
    private static List<Service> services(Handle h) {
        Map<String, List<String>> announce = new HashMap<>();
        h.createQuery("select a.service, a.address from service_announce a order by a.service, a.position")
                .map((rs, ctx) -> announce.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return h.createQuery("select name, title, owner_team, tier, freeze_sensitive, repository,"
                        + " docs, system_name from service where retired = false order by name")
                .map((rs, ctx) -> new Service(rs.getString(1), rs.getString(2), rs.getString(3),
                        Tier.parse(rs.getString(4)).orElseThrow(), rs.getBoolean(5),
                        announce.getOrDefault(rs.getString(1), List.of()), Optional.ofNullable(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)))).list();
    }

    @Override
    public List<Service> services() {
        return jdbi.withHandle(JdbiCatalogRepository::services);
    }

    private static List<String> sortedCopy(List<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }

    private static List<Consumer> consumers(Handle h, String consumerSql, String useSql, Map<String, Object> binds) {
        Map<String, Map<String, List<OperationRef>>> uses = new HashMap<>();
        Map<String, Set<String>> whole = new HashMap<>();
        h.createQuery(useSql).bindMap(binds).map((rs, ctx) -> {
            String consumer = rs.getString(1);
            String provider = rs.getString(2);
            Map<String, List<OperationRef>> byProvider = uses.computeIfAbsent(consumer, k -> new LinkedHashMap<>());
            List<OperationRef> ops = byProvider.computeIfAbsent(provider, k -> new ArrayList<>());
            if (rs.getBoolean(3)) {
                whole.computeIfAbsent(consumer, k -> new TreeSet<>()).add(provider);
            } else {
                ops.add(new OperationRef(rs.getString(4), Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6))));
            }
            return 0;
        }).list();
        Map<String, List<Identify>> identify = new HashMap<>();
        h.createQuery("select consumer, kind, rule_value, header from consumer_identify order by consumer, position")
                .map((rs, ctx) -> identify.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Identify(
                        Identify.Kind.parse(rs.getString(2)).orElseThrow(), rs.getString(3),
                        Optional.ofNullable(rs.getString(4))))).list();
        return h.createQuery(consumerSql).bindMap(binds).map((rs, ctx) -> {
            String name = rs.getString(1);
            List<Use> list = new ArrayList<>();
            uses.getOrDefault(name, Map.of()).forEach((provider, ops) ->
                    list.add(new Use(provider, whole.getOrDefault(name, Set.of()).contains(provider) ? List.of() : ops)));
            return new Consumer(name, ConsumerKind.parse(rs.getString(2)).orElseThrow(),
                    Optional.ofNullable(rs.getString(3)), rs.getString(4), Optional.ofNullable(rs.getString(5)),
                    Optional.ofNullable(rs.getString(6)), list, identify.getOrDefault(name, List.of()));
        }).list();
    }

    @Override
    public ImportSummary replace(Catalog catalog, Map<String, ApiDescription> declaredApis) {
        return jdbi.inTransaction(h -> {
            Catalog before = load(h);
            Set<String> retiredNow = new TreeSet<>();
            for (Service s : before.services()) {
                if (catalog.service(s.name()).isEmpty()) {
                    retiredNow.add(s.name());
                }
            }
            for (String table : List.of("consumer_identify", "consumer_use", "consumer", "team_member", "person", "team",
                    "environment", "service_announce")) {
                h.execute("delete from " + table);
            }
            h.execute("update service set retired = true");
            insertEnvironments(h, catalog.environments());
            insertTeamsAndPeople(h, catalog);
            for (ApiDescription api : declaredApis.values()) {
                JdbiDeploymentRepository.storeDescription(h, api, clock.millis());
            }
            insertServices(h, catalog.services(), declaredApis);
            insertConsumers(h, catalog.consumers());
            h.execute("update catalog_generation set generation = generation + 1 where id = 1");
            return summary(before, catalog, retiredNow.size());
        });
    }

    private static ImportSummary summary(Catalog before, Catalog after, int retired) {
        int[] counts = new int[3];
        diff(counts, before.environments(), after.environments(), Environment::name);
        diff(counts, before.teams(), after.teams(), Team::name);
        diff(counts, before.people(), after.people(), Person::username);
        diff(counts, before.services(), after.services(), Service::name);
        diff(counts, before.consumers(), after.consumers(), Consumer::name);
        return new ImportSummary(counts[0], counts[1], counts[2] - retired, retired);
    }

    private static <T> void diff(int[] counts, List<T> before, List<T> after, java.util.function.Function<T, String> name) {
        Map<String, T> old = new HashMap<>();
        before.forEach(t -> old.put(name.apply(t), t));
        for (T t : after) {
            T was = old.remove(name.apply(t));
            if (was == null) {
                counts[0]++;
            } else if (!was.equals(t)) {
                counts[1]++;
            }
        }
        counts[2] += old.size();
    }

    private static void insertEnvironments(Handle h, List<Environment> envs) {
        PreparedBatch b = h.prepareBatch("insert into environment (name, description, production, position, hosts,"
                + " base_url, baselines) values (?, ?, ?, ?, ?, ?, ?)");
        int i = 0;
        for (Environment e : envs) {
            b.add(e.name(), e.description(), e.production(), i++, String.join("\n", e.hosts()), e.baseUrl(),
                    String.join("\n", e.baselines()));
        }
        run(b);
    }

    private static Environment environment(java.sql.ResultSet rs) throws java.sql.SQLException {
        String hosts = rs.getString(4);
        String baselines = rs.getString(6);
        return new Environment(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                hosts == null || hosts.isEmpty() ? List.of() : List.of(hosts.split("\n")), rs.getString(5),
                baselines == null || baselines.isEmpty() ? List.of() : List.of(baselines.split("\n")));
    }

    private static void insertTeamsAndPeople(Handle h, Catalog c) {
        PreparedBatch teams = h.prepareBatch("insert into team (name, title, infrastructure, mailing_list, chat)"
                + " values (?, ?, ?, ?, ?)");
        for (Team t : c.teams()) {
            teams.add(t.name(), t.title(), t.infrastructure(), t.mailingList().orElse(null), t.chat().orElse(null));
        }
        run(teams);
        PreparedBatch people = h.prepareBatch("insert into person (username, name, email, timezone) values (?, ?, ?, ?)");
        for (Person p : c.people()) {
            people.add(p.username(), p.name(), p.email(), p.timezone().getId());
        }
        run(people);
        PreparedBatch members = h.prepareBatch("insert into team_member (team, username, position) values (?, ?, ?)");
        for (Team t : c.teams()) {
            int i = 0;
            for (String m : t.members()) {
                members.add(t.name(), m, i++);
            }
        }
        run(members);
    }

    private static void insertServices(Handle h, List<Service> services, Map<String, ApiDescription> apis) {
        PreparedBatch b = h.prepareBatch("insert into service (name, title, owner_team, tier, freeze_sensitive,"
                + " repository, docs, system_name, declared_api, retired) values (?, ?, ?, ?, ?, ?, ?, ?, ?, false)"
                + " on conflict (name) do update set title = excluded.title, owner_team = excluded.owner_team,"
                + " tier = excluded.tier, freeze_sensitive = excluded.freeze_sensitive,"
                + " repository = excluded.repository, docs = excluded.docs, system_name = excluded.system_name,"
                + " declared_api = excluded.declared_api, retired = false");
        PreparedBatch announce = h.prepareBatch("insert into service_announce (service, position, address) values (?, ?, ?)");
        for (Service s : services) {
            ApiDescription api = apis.get(s.name());
            b.add(s.name(), s.title(), s.owner(), s.tier().id(), s.freezeSensitive(), s.repository().orElse(null),
                    s.docs().orElse(null), s.system().orElse(null), api == null ? null : api.hash());
            int i = 0;
            for (String a : s.announce()) {
                announce.add(s.name(), i++, a);
            }
        }
        run(b);
        run(announce);
    }

    private static void insertConsumers(Handle h, List<Consumer> consumers) {
        PreparedBatch b = h.prepareBatch("insert into consumer (name, kind, service, owner_team, contact, description)"
                + " values (?, ?, ?, ?, ?, ?)");
        PreparedBatch uses = h.prepareBatch("insert into consumer_use (consumer, provider, use_position, position,"
                + " whole_api, operation, operation_id, operation_key) values (?, ?, ?, ?, ?, ?, ?, ?)");
        for (Consumer c : consumers) {
            b.add(c.name(), c.kind().id(), c.service().orElse(null), c.owner(), c.contact().orElse(null),
                    c.description().orElse(null));
            int usePosition = 0;
            for (Use u : c.uses()) {
                if (u.wholeApi()) {
                    uses.add(c.name(), u.service(), usePosition, 0, true, null, null, null);
                }
                int i = 0;
                for (OperationRef op : u.operations()) {
                    uses.add(c.name(), u.service(), usePosition, i++, false, op.text(), op.operationId().orElse(null),
                            op.key().orElse(null));
                }
                usePosition++;
            }
        }
        run(b);
        run(uses);
        PreparedBatch rules = h.prepareBatch("insert into consumer_identify (consumer, position, kind, rule_value, header)"
                + " values (?, ?, ?, ?, ?)");
        for (Consumer c : consumers) {
            int i = 0;
            for (Identify r : c.identify()) {
                rules.add(c.name(), i++, r.kind().key(), r.value(), r.header().orElse(null));
            }
        }
        run(rules);
    }

    private static void run(PreparedBatch b) {
        if (b.size() > 0) {
            b.execute();
        }
    }

    @Override
    public Optional<Service> service(String name) {
        return jdbi.withHandle(h -> {
            List<String> announce = h.createQuery("select address from service_announce where service = ? order by position")
                    .bind(0, name).mapTo(String.class).list();
            return h.createQuery("select name, title, owner_team, tier, freeze_sensitive, repository, docs, system_name"
                            + " from service where name = ? and retired = false").bind(0, name)
                    .map((rs, ctx) -> new Service(rs.getString(1), rs.getString(2), rs.getString(3),
                            Tier.parse(rs.getString(4)).orElseThrow(), rs.getBoolean(5), announce,
                            Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                            Optional.ofNullable(rs.getString(8)))).findOne();
        });
    }

    @Override
    public List<Environment> environments() {
        return jdbi.withHandle(h -> h.createQuery("select name, description, production, hosts, base_url, baselines from environment order by position")
                .map((rs, ctx) -> environment(rs)).list());
    }

    @Override
    public Optional<String> declaredApi(String service) {
        return jdbi.withHandle(h -> h.createQuery("select declared_api from service where name = ?")
                .bind(0, service).mapTo(String.class).findOne());
    }

    @Override
    public List<ReachedUse> uses() {
        return jdbi.withHandle(h -> h.createQuery("select c.name, c.kind, c.service, c.owner_team, c.contact,"
                        + " c.description, u.provider, u.whole_api, u.operation, u.operation_id, u.operation_key"
                        + " from consumer_use u join consumer c on c.name = u.consumer"
                        + " order by c.name, u.use_position, u.position")
                .map((rs, ctx) -> new ReachedUse(rs.getString(1), ConsumerKind.parse(rs.getString(2)).orElseThrow(),
                        Optional.ofNullable(rs.getString(3)), rs.getString(4), Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6)), rs.getString(7), false,
                        rs.getBoolean(8) ? Optional.empty() : Optional.of(new OperationRef(rs.getString(9),
                                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11))))))
                .list());
    }

    @Override
    public long generation() {
        return jdbi.withHandle(h -> h.createQuery("select generation from catalog_generation where id = 1")
                .mapTo(Long.class).one());
    }
}
