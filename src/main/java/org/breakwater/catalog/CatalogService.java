package org.breakwater.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breakwater.text.Suggestions;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;

/**
 * The catalog's use cases: import and export the catalog, record deployments, say what runs
 * where and who consumes what. Start here.
 */
public final class CatalogService {
    private final CatalogRepository catalog;
    private final DeploymentRepository deployments;
    private final StoredApis apis;
    private final Clock clock;
    private volatile ConsumerGraph graph;
    /** The whole catalog as last read, with the generation it was read at. */
    private volatile Snapshot snapshot;

    private record Snapshot(long generation, Catalog catalog) {
    }

    public CatalogService(CatalogRepository catalog, DeploymentRepository deployments, StoredApis apis, Clock clock) {
        this.catalog = catalog;
        this.deployments = deployments;
        this.apis = apis;
        this.clock = clock;
    }

    /** Stores a checked catalog; refused, with nothing changed, when the check found errors. */
    public Outcome<CatalogRepository.ImportSummary> importCatalog(CatalogCheck check) {
        if (!check.valid()) {
            return Outcome.refused(check.errors() + " error(s) in the catalog; nothing was imported");
        }
        Optional<String> badName = badName(check.catalog());
        if (badName.isPresent()) {
            return Outcome.refused(badName.get() + "; nothing was imported");
        }
        return Outcome.done(catalog.replace(check.catalog(), check.apis()));
    }

    /** The first name of {@code c} that breaks the pattern of {@link Names}, as a message (defence in depth). */
    private static Optional<String> badName(Catalog c) {
        java.util.stream.Stream<Optional<String>> all = java.util.stream.Stream.of(
                c.environments().stream().map(e -> Names.problem(e.name(), "environment")),
                c.teams().stream().map(t -> Names.problem(t.name(), "team")),
                c.people().stream().map(p -> Names.problem(p.username(), "person")),
                c.services().stream().map(s -> Names.problem(s.name(), "service")),
                c.consumers().stream().map(k -> Names.problem(k.name(), "consumer"))).flatMap(x -> x);
        return all.flatMap(Optional::stream).findFirst();
    }

    /**
     * The whole catalog. Read again only when an import has changed it since (the generation
     * counter), so a server answering many requests reads it once per import.
     */
    public Catalog export() {
        long generation = catalog.generation();
        Snapshot s = snapshot;
        if (s == null || s.generation() != generation) {
            s = new Snapshot(generation, catalog.load());
            snapshot = s;
        }
        return s.catalog();
    }

    /** The catalog's generation: it changes with every import. */
    public long generation() {
        return catalog.generation();
    }

    /** The API description each service's catalog entry declares, by service. */
    public Map<String, ApiDescription> declaredApis() {
        Map<String, ApiDescription> out = new LinkedHashMap<>();
        for (Service s : catalog.load().services()) {
            catalog.declaredApi(s.name()).flatMap(deployments::description).ifPresent(d -> out.put(s.name(), d));
        }
        return out;
    }

    /** "unknown service 'pkgbd'; did you mean 'pkgdb'?": every command's words for a service the catalog lacks. */
    public String unknownService(String name) {
        return "unknown service '" + name + "'" + Suggestions.didYouMean(name,
                names(catalog.load().services().stream().map(Service::name).toList()));
    }

    /** "unknown environment 'prod'; did you mean ...? (known: staging, production)". */
    public String unknownEnvironment(String name) {
        List<String> known = catalog.environments().stream().map(Environment::name).toList();
        return "unknown environment '" + name + "'" + Suggestions.didYouMean(name, known)
                + " (known: " + String.join(", ", known) + ")";
    }

    /** Records what CI deployed, storing the release's API description when given. */
    public Outcome<Deployment> recordDeployment(NewDeployment d, Optional<ApiDescription> api) {
        Optional<String> bad = Versions.problem(d.version()).or(() -> api.flatMap(ApiDescription::problem));
        if (bad.isPresent()) {
            return Outcome.refused(bad.get());
        }
        if (catalog.service(d.service()).isEmpty()) {
            return Outcome.refused(unknownService(d.service()) + " (import the catalog first: breakwater catalog import DIR)");
        }
        List<Environment> environments = catalog.environments();
        if (environments.stream().noneMatch(e -> e.name().equals(d.environment()))) {
            return Outcome.refused(unknownEnvironment(d.environment()));
        }
        Optional<Release> release = deployments.release(d.service(), d.version());
        if (release.isPresent() && api.isPresent() && release.get().apiHash().isPresent()
                && !release.get().apiHash().get().equals(api.get().hash())) {
            return Outcome.refused(d.service() + " " + d.version() + " was recorded with a different API description ("
                    + ApiDescription.shortHash(release.get().apiHash().get()) + ", now "
                    + ApiDescription.shortHash(api.get().hash())
                    + "); a release's API cannot change: give the new build a new version");
        }
        return Outcome.done(deployments.record(d, api, clock.instant()));
    }

    /** What runs where now, for one service or all. */
    public Outcome<List<Placement>> where(Optional<String> service) {
        return where(service, clock.instant());
    }

    /** What ran where at {@code at}, for one service or all. */
    public Outcome<List<Placement>> where(Optional<String> service, Instant at) {
        if (service.isPresent() && catalog.service(service.get()).isEmpty()) {
            return Outcome.refused(unknownService(service.get()));
        }
        return Outcome.done(deployments.where(service, at));
    }

    /** The active services, in name order (cheaper than a whole {@link #export()}). */
    public List<Service> services() {
        return catalog.services();
    }

    public Optional<Service> service(String name) {
        return catalog.service(name);
    }

    public List<Environment> environments() {
        return catalog.environments();
    }

    public Optional<Release> release(String service, String version) {
        return deployments.release(service, version);
    }

    /** What runs in {@code environment} now for {@code service}, if anything. */
    public Optional<Placement> placement(String service, String environment) {
        return deployments.where(Optional.of(service), clock.instant()).stream()
                .filter(p -> p.environment().equals(environment)).findFirst();
    }

    /**
     * What runs of {@code service} now, in every environment (empty for a service the catalog does
     * not have): {@link #where(Optional)} for one service without the check that it is in the catalog.
     */
    public List<Placement> running(String service) {
        return deployments.where(Optional.of(service), clock.instant());
    }

    /** A stored API description, read. */
    public Optional<ApiSpec> api(String hash) {
        return apis.spec(hash);
    }

    /** Why the stored API description {@code hash} cannot be read (a damaged record), if it cannot. */
    public Optional<String> apiDamage(String hash) {
        return apis.damage(hash);
    }

    /**
     * Stores a description (a plan's candidate given as a file) and returns its hash.
     *
     * @throws IllegalArgumentException when a file name would leave its folder: check {@link ApiDescription#problem()} first
     */
    public String storeApi(ApiDescription description) {
        description.problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        deployments.storeDescription(description, clock.instant());
        return description.hash();
    }

    public List<Deployment> history(String service, Optional<String> environment, int limit) {
        return deployments.history(service, environment, limit);
    }

    /** Forgets deployment records older than {@code before}, keeping what runs now. */
    public int prune(Instant before) {
        return deployments.prune(before);
    }

    /**
     * The consumers of {@code service} (of one operation, when given), and with
     * {@code transitive} the consumers of the services those consumers are part of, and so on.
     * The operation may be named either way; it is looked up in the API description that runs
     * in production, or else the one the catalog declares.
     */
    public Outcome<List<AffectedConsumer>> consumers(String service, Optional<String> operation, boolean transitive) {
        if (catalog.service(service).isEmpty()) {
            return Outcome.refused(unknownService(service));
        }
        Optional<OperationRef> op = Optional.empty();
        if (operation.isPresent()) {
            OperationRef ref = OperationRef.parse(operation.get());
            Optional<ApiSpec> spec = currentApi(service);
            if (spec.isPresent()) {
                Optional<Operation> found = ref.find(spec.get());
                if (found.isEmpty()) {
                    Set<String> known = new TreeSet<>();
                    spec.get().operations().values().forEach(o -> {
                        known.add(o.label());
                        o.operationId().ifPresent(known::add);
                    });
                    return Outcome.refused(service + " has no operation '" + operation.get() + "'"
                            + CatalogValidator.suggest(operation.get(), known));
                }
                ref = ref.resolvedBy(found.get());
            }
            op = Optional.of(ref);
        }
        return Outcome.done(affected(service, graph().reach(service, op, transitive)));
    }

    /** The consumer graph, read again when an import changed the catalog since it was read. */
    private ConsumerGraph graph() {
        long generation = catalog.generation();
        ConsumerGraph g = graph;
        if (g == null || g.generation() != generation) {
            g = new ConsumerGraph(generation, catalog.uses());
            graph = g;
        }
        return g;
    }

    /** The API that production runs for {@code service}, else the one its catalog entry declares. */
    public Optional<ApiSpec> currentApi(String service) {
        Instant now = clock.instant();
        Set<String> production = new TreeSet<>();
        catalog.environments().stream().filter(Environment::production).forEach(e -> production.add(e.name()));
        Optional<String> hash = deployments.where(Optional.of(service), now).stream()
                .filter(p -> production.contains(p.environment()))
                .map(Placement::apiHash).flatMap(Optional::stream).findFirst()
                .or(() -> catalog.declaredApi(service));
        return hash.flatMap(apis::spec);
    }

    /**
     * Breadth-first from the provider: each consumer at its shortest distance, with the chain of
     * services that reaches it and what it uses of the last one.
     */
    private static List<AffectedConsumer> affected(String service, List<CatalogRepository.ReachedUse> uses) {
        // edges: provider → consumer, with the uses of that provider (seed uses only for the asked service)
        Map<String, Map<String, List<CatalogRepository.ReachedUse>>> edges = new HashMap<>();
        for (CatalogRepository.ReachedUse u : uses) {
            if (u.provider().equals(service) && !u.seed()) {
                continue; // other operations of the asked service do not count
            }
            edges.computeIfAbsent(u.provider(), k -> new java.util.TreeMap<>())
                    .computeIfAbsent(u.consumer(), k -> new ArrayList<>()).add(u);
        }
        Map<String, AffectedConsumer> found = new LinkedHashMap<>();
        Map<String, List<String>> chainTo = new HashMap<>(Map.of(service, List.of(service)));
        Deque<String> queue = new ArrayDeque<>(List.of(service));
        while (!queue.isEmpty()) {
            String provider = queue.poll();
            List<String> chain = chainTo.get(provider);
            for (Map.Entry<String, List<CatalogRepository.ReachedUse>> e
                    : edges.getOrDefault(provider, Map.of()).entrySet()) {
                if (found.containsKey(e.getKey())) {
                    continue;
                }
                CatalogRepository.ReachedUse first = e.getValue().get(0);
                List<OperationRef> ops = e.getValue().stream().anyMatch(u -> u.operation().isEmpty()) ? List.of()
                        : e.getValue().stream().map(u -> u.operation().get()).toList();
                Consumer c = new Consumer(first.consumer(), first.kind(), first.consumerService(), first.owner(),
                        first.contact(), first.description(), List.of(new Use(provider, ops)));
                found.put(c.name(), new AffectedConsumer(c, chain.size(), chain, ops));
                first.consumerService().filter(s -> !chainTo.containsKey(s)).ifPresent(s -> {
                    List<String> next = new ArrayList<>(chain);
                    next.add(s);
                    chainTo.put(s, next);
                    queue.add(s);
                });
            }
        }
        List<AffectedConsumer> result = new ArrayList<>(found.values());
        result.sort(Comparator.comparingInt(AffectedConsumer::depth)
                .thenComparing(a -> a.consumer().owner()).thenComparing(a -> a.consumer().name()));
        return result;
    }

    private static Set<String> names(List<String> names) {
        return new TreeSet<>(names);
    }
}
