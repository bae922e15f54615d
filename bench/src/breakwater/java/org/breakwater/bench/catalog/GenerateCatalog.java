package org.breakwater.bench.catalog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Generates a large service catalog in Breakwater's YAML format, and a list of deployment
 * records to go with it. Seeded: the same arguments give the same bytes.
 *
 * <pre>GenerateCatalog OUT_DIR [--services N] [--consumers N] [--deployments N] [--seed N]</pre>
 *
 * <p>Writes {@code OUT_DIR/catalog/} (environments, teams, people, one file per team with its
 * services and consumers, {@code apis/SERVICE/openapi.yaml} for about a tenth of the services),
 * {@code OUT_DIR/deployments.tsv} (at, service, version, environment, by; oldest first) and
 * {@code OUT_DIR/services.tsv} (name, layer, whether it has an API, its operations), which
 * {@link CatalogBench} reads to choose its queries.
 *
 * <p>The services form a layered graph: layer 0 at the bottom (accounts, storage, ...), layer 6
 * at the top. A consumer that is part of a service in layer L only uses services of lower
 * layers, mostly of layer L-1, so there are no cycles and chains reach 6 services deep.
 */
public final class GenerateCatalog {
    /** Share of the services in each layer, bottom first. */
    private static final double[] LAYER_SHARE = {0.06, 0.08, 0.12, 0.16, 0.18, 0.20, 0.20};
    /** Share of each layer's services that have an API description; the rest of the 10% go to layers 2 and up. */
    private static final double[] LAYER_API_SHARE = {0.30, 0.20};
    private static final double API_SHARE = 0.10;
    private static final double SERVICE_CONSUMER_SHARE = 0.40;
    private static final int OUTSIDE_TEAM_SHARE_PERCENT = 20;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

    private static final String[] DOMAINS = {"account", "billing", "catalog", "search", "order", "payment", "ledger",
        "inventory", "shipping", "notify", "auth", "profile", "media", "report", "pricing", "review", "session",
        "audit", "config", "feature", "identity", "metrics", "storage", "mirror", "build", "package", "update",
        "release", "message", "calendar", "wiki", "forum", "badge", "mail", "chat", "survey", "translate", "docs"};
    private static final String[] ROLES = {"api", "service", "gateway", "worker", "store", "sync", "index", "proxy",
        "registry", "engine", "hub", "feed"};
    private static final String[] NOUNS = {"widget", "account", "group", "member", "invoice", "payment", "order",
        "item", "package", "build", "release", "update", "comment", "review", "ticket", "session", "token", "key",
        "user", "role", "permission", "repo", "branch", "tag", "mirror", "host", "job", "task", "event", "message",
        "channel", "file", "image", "report", "metric", "alert", "config", "flag", "quota", "plan"};
    private static final String[] FIRST = {"alex", "ana", "bo", "chen", "dara", "eli", "fatima", "gus", "hana",
        "ivan", "jo", "kai", "lena", "marc", "nia", "omar", "pia", "raj", "sara", "tomas", "uma", "vera", "wei",
        "yuki", "zoe"};
    private static final String[] LAST = {"adams", "baker", "costa", "diaz", "evans", "fischer", "garcia", "haas",
        "ito", "jensen", "kim", "lopez", "moreau", "novak", "okafor", "patel", "quinn", "rossi", "silva", "tanaka",
        "ueda", "varga", "weber", "xu", "young", "zimmer"};
    private static final String[] ZONES = {"UTC", "Europe/Paris", "Europe/London", "Europe/Prague", "America/New_York",
        "America/Denver", "America/Los_Angeles", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney"};
    private static final String[] OPERATION_VERBS = {"list", "create", "get", "update"};

    private final Random random;
    private final int serviceCount;
    private final int consumerCount;
    private final int deploymentCount;
    private final int teamCount;
    private final int personCount;

    private final List<Team> teams = new ArrayList<>();
    private final List<String> people = new ArrayList<>();
    private final List<ServiceSpec> services = new ArrayList<>();
    private final List<List<ServiceSpec>> layers = new ArrayList<>();
    private final List<ConsumerSpec> consumers = new ArrayList<>();

    /** A generated team; outside teams own consumers only. */
    record Team(String name, String title, boolean infrastructure, List<String> members) {
    }

    /** One operation of a service: its operationId, method and path. */
    record Op(String operationId, String method, String path) {
        String methodAndPath() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    /** A generated service. Every service has operations; only those with {@code api} describe them in a file. */
    record ServiceSpec(String name, int layer, String owner, String tier, boolean api, List<String> resources, List<Op> ops) {
    }

    /** What a consumer uses of one provider: the whole API when {@code operations} is empty. */
    record UseSpec(ServiceSpec provider, List<String> operations) {
    }

    record ConsumerSpec(String name, String kind, ServiceSpec partOf, String owner, List<UseSpec> uses) {
    }

    GenerateCatalog(long seed, int services, int consumers, int deployments) {
        this.random = new Random(seed);
        this.serviceCount = services;
        this.consumerCount = consumers;
        this.deploymentCount = deployments;
        this.teamCount = Math.max(5, services / 50);
        this.personCount = Math.max(25, services / 10);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateCatalog OUT_DIR [--services N] [--consumers N] [--deployments N] [--seed N]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int services = 5_000;
        int consumers = 20_000;
        int deployments = 100_000;
        long seed = 20_260_101L;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--services":
                    services = Integer.parseInt(args[i + 1]);
                    break;
                case "--consumers":
                    consumers = Integer.parseInt(args[i + 1]);
                    break;
                case "--deployments":
                    deployments = Integer.parseInt(args[i + 1]);
                    break;
                case "--seed":
                    seed = Long.parseLong(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        GenerateCatalog g = new GenerateCatalog(seed, services, consumers, deployments);
        g.generate();
        g.write(out);
    }

    void generate() {
        makeTeamsAndPeople();
        makeServices();
        makeConsumers();
    }

    // ------------------------------------------------------------------------------- the model

    private void makeTeamsAndPeople() {
        for (int i = 0; i < personCount; i++) {
            people.add(String.format(Locale.ROOT, "%s.%s%d", FIRST[i % FIRST.length],
                    LAST[(i / FIRST.length) % LAST.length], i));
        }
        int outside = teamCount * OUTSIDE_TEAM_SHARE_PERCENT / 100;
        List<List<String>> members = new ArrayList<>();
        for (int t = 0; t < teamCount; t++) {
            members.add(new ArrayList<>());
        }
        // everyone in one team, a fifth also in a second one
        for (int p = 0; p < personCount; p++) {
            members.get(p % teamCount).add(people.get(p));
            if (random.nextInt(5) == 0) {
                int other = random.nextInt(teamCount);
                if (!members.get(other).contains(people.get(p))) {
                    members.get(other).add(people.get(p));
                }
            }
        }
        for (int t = 0; t < teamCount; t++) {
            boolean inside = t < teamCount - outside;
            String domain = DOMAINS[t % DOMAINS.length];
            String name = String.format(Locale.ROOT, "%s-%s-%02d", inside ? "team" : "ext", domain, t);
            String title = (inside ? "The " + domain + " team " : "Outside team " + domain + " ") + t;
            teams.add(new Team(name, title, inside, members.get(t)));
        }
    }

    private List<Team> insideTeams() {
        return teams.stream().filter(Team::infrastructure).toList();
    }

    private void makeServices() {
        List<Team> owners = insideTeams();
        int[] sizes = new int[LAYER_SHARE.length];
        int assigned = 0;
        for (int l = 1; l < sizes.length; l++) {
            sizes[l] = (int) Math.round(serviceCount * LAYER_SHARE[l]);
            assigned += sizes[l];
        }
        sizes[0] = serviceCount - assigned;
        // which services have an API: a fixed share in the bottom layers, the rest spread over the others
        int apiTotal = (int) Math.round(serviceCount * API_SHARE);
        List<Set<Integer>> apiIndexes = new ArrayList<>();
        int apiLow = 0;
        for (int l = 0; l < sizes.length; l++) {
            apiIndexes.add(new LinkedHashSet<>());
            if (l < LAYER_API_SHARE.length) {
                int n = (int) Math.round(sizes[l] * LAYER_API_SHARE[l]);
                apiIndexes.get(l).addAll(pick(sizes[l], n));
                apiLow += n;
            }
        }
        int upper = 0;
        for (int l = LAYER_API_SHARE.length; l < sizes.length; l++) {
            upper += sizes[l];
        }
        List<Integer> upperPicks = pick(upper, Math.max(0, apiTotal - apiLow));
        int index = 0;
        for (int l = 0; l < sizes.length; l++) {
            List<ServiceSpec> layer = new ArrayList<>();
            for (int i = 0; i < sizes[l]; i++) {
                boolean api;
                if (l < LAYER_API_SHARE.length) {
                    api = apiIndexes.get(l).contains(i);
                } else {
                    api = upperPicks.contains(index);
                    index++;
                }
                String name = String.format(Locale.ROOT, "%s-%s-%04d", DOMAINS[random.nextInt(DOMAINS.length)],
                        ROLES[random.nextInt(ROLES.length)], services.size());
                String owner = owners.get(random.nextInt(owners.size())).name();
                List<String> resources = pick(NOUNS.length, 4 + random.nextInt(3)).stream().map(k -> NOUNS[k]).toList();
                ServiceSpec s = new ServiceSpec(name, l, owner, tier(l), api, resources, operations(resources));
                layer.add(s);
                services.add(s);
            }
            layers.add(layer);
        }
    }

    /** {@code n} distinct numbers below {@code bound}, in the order drawn. */
    private List<Integer> pick(int bound, int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < bound; i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        return new ArrayList<>(all.subList(0, Math.min(n, bound)));
    }

    private String tier(int layer) {
        int r = random.nextInt(100);
        if (layer <= 1) {
            return r < 70 ? "essential" : "borderline";
        }
        if (layer <= 3) {
            return r < 25 ? "essential" : r < 75 ? "borderline" : "leaf";
        }
        return r < 5 ? "essential" : r < 40 ? "borderline" : "leaf";
    }

    private static List<Op> operations(List<String> resources) {
        List<Op> ops = new ArrayList<>();
        for (String noun : resources) {
            String type = capital(noun);
            String collection = "/" + noun + "s";
            String item = collection + "/{" + noun + "Id}";
            for (String verb : OPERATION_VERBS) {
                switch (verb) {
                    case "list":
                        ops.add(new Op("list" + type + "s", "get", collection));
                        break;
                    case "create":
                        ops.add(new Op("create" + type, "post", collection));
                        break;
                    case "get":
                        ops.add(new Op("get" + type, "get", item));
                        break;
                    default:
                        ops.add(new Op("update" + type, "put", item));
                        break;
                }
            }
        }
        return ops;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void makeConsumers() {
        int partOfService = (int) Math.round(consumerCount * SERVICE_CONSUMER_SHARE);
        List<ServiceSpec> upper = new ArrayList<>();
        for (int l = 1; l < layers.size(); l++) {
            upper.addAll(layers.get(l));
        }
        // every service above the bottom layer gets one consumer part of it while they last, then at random
        List<ServiceSpec> hosts = new ArrayList<>();
        for (int i = 0; i < partOfService; i++) {
            hosts.add(i < upper.size() ? upper.get(i) : upper.get(random.nextInt(upper.size())));
        }
        Map<String, Integer> perService = new LinkedHashMap<>();
        String[] suffixes = {"client", "worker", "sync", "poller", "adapter", "cron"};
        for (ServiceSpec host : hosts) {
            int k = perService.merge(host.name(), 1, Integer::sum);
            String name = host.name() + "-" + suffixes[random.nextInt(suffixes.length)] + "-" + k;
            consumers.add(new ConsumerSpec(name, "service", host, host.owner(), uses(host)));
        }
        List<Team> all = teams;
        List<Team> outside = teams.stream().filter(t -> !t.infrastructure()).toList();
        String[] kinds = {"service", "library", "library", "library", "script", "script", "script", "tool", "tool"};
        for (int i = consumers.size(); i < consumerCount; i++) {
            String kind = kinds[random.nextInt(kinds.length)];
            Team owner = (kind.equals("tool") || kind.equals("script")) && !outside.isEmpty() && random.nextBoolean()
                    ? outside.get(random.nextInt(outside.size())) : all.get(random.nextInt(all.size()));
            String name = String.format(Locale.ROOT, "%s-%s-%s-%05d", owner.name().replaceFirst("-\\d+$", ""),
                    NOUNS[random.nextInt(NOUNS.length)], kind.equals("service") ? "app" : kind, i);
            consumers.add(new ConsumerSpec(name, kind, null, owner.name(), uses(null)));
        }
    }

    /** 1 to 3 providers: below {@code host}'s layer for a consumer part of a service, else anywhere. */
    private List<UseSpec> uses(ServiceSpec host) {
        int r = random.nextInt(100);
        int count = r < 50 ? 1 : r < 85 ? 2 : 3;
        Set<ServiceSpec> providers = new LinkedHashSet<>();
        int attempts = 0;
        while (providers.size() < count && attempts++ < 50) {
            ServiceSpec p;
            if (host != null) {
                int layer = host.layer() == 1 || random.nextInt(100) < 55 ? host.layer() - 1 : random.nextInt(host.layer() - 1);
                p = popular(layers.get(layer));
            } else {
                p = popular(services);
            }
            providers.add(p);
        }
        List<UseSpec> uses = new ArrayList<>();
        for (ServiceSpec p : providers) {
            if (random.nextInt(100) < 25) {
                uses.add(new UseSpec(p, List.of()));
                continue;
            }
            List<String> ops = new ArrayList<>();
            for (int k : pick(p.ops().size(), 1 + random.nextInt(4))) {
                Op op = p.ops().get(k);
                ops.add(p.api() && random.nextInt(100) < 20 ? op.methodAndPath() : op.operationId());
            }
            uses.add(new UseSpec(p, ops));
        }
        return uses;
    }

    /** A member of {@code list}, the first ones far more often than the last (a few popular services). */
    private ServiceSpec popular(List<ServiceSpec> list) {
        double u = random.nextDouble();
        return list.get((int) (list.size() * u * u));
    }

    // ------------------------------------------------------------------------------- the files

    void write(Path out) throws IOException {
        Path catalog = out.resolve("catalog");
        if (Files.exists(catalog)) {
            try (Stream<Path> walk = Files.walk(catalog)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Files.createDirectories(catalog);
        writeEnvironments(catalog.resolve("environments.yaml"));
        writeTeams(catalog.resolve("teams.yaml"));
        writePeople(catalog.resolve("people.yaml"));
        Map<String, List<ServiceSpec>> servicesByTeam = new LinkedHashMap<>();
        Map<String, List<ConsumerSpec>> consumersByTeam = new LinkedHashMap<>();
        teams.forEach(t -> {
            servicesByTeam.put(t.name(), new ArrayList<>());
            consumersByTeam.put(t.name(), new ArrayList<>());
        });
        services.forEach(s -> servicesByTeam.get(s.owner()).add(s));
        consumers.forEach(c -> consumersByTeam.get(c.owner()).add(c));
        for (Team t : teams) {
            writeTeamFile(catalog.resolve(t.name() + ".yaml"), t, servicesByTeam.get(t.name()), consumersByTeam.get(t.name()));
        }
        for (ServiceSpec s : services) {
            if (s.api()) {
                Path api = catalog.resolve("apis").resolve(s.name()).resolve("openapi.yaml");
                Files.createDirectories(api.getParent());
                Files.writeString(api, openApi(s), StandardCharsets.UTF_8);
            }
        }
        writeServiceList(out.resolve("services.tsv"));
        int deployments = writeDeployments(out.resolve("deployments.tsv"));
        long apis = services.stream().filter(ServiceSpec::api).count();
        long partOf = consumers.stream().filter(c -> c.partOf() != null).count();
        long uses = consumers.stream().mapToLong(c -> c.uses().size()).sum();
        System.out.printf(Locale.ROOT, "generated %s: %d teams (%d outside), %d people, %,d services (%d with an API;"
                        + " per layer, bottom first: %s), %,d consumers (%,d part of a service; %,d uses), %,d deployments%n",
                catalog, teams.size(), teams.stream().filter(t -> !t.infrastructure()).count(), people.size(),
                services.size(), apis, Arrays.toString(layers.stream().mapToInt(List::size).toArray()), consumers.size(),
                partOf, uses, deployments);
        System.out.println(reachSummary());
    }

    private static void writeEnvironments(Path file) throws IOException {
        Files.writeString(file, "# Generated by GenerateCatalog.\nenvironments:\n"
                + "  - name: staging\n    description: \"the staging copy of every service\"\n    production: false\n"
                + "  - name: production\n    description: \"what users reach\"\n    production: true\n",
                StandardCharsets.UTF_8);
    }

    private void writeTeams(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Generated by GenerateCatalog.\nteams:\n");
            for (Team t : teams) {
                w.write("  - name: " + t.name() + "\n");
                w.write("    title: \"" + t.title() + "\"\n");
                w.write("    infrastructure: " + t.infrastructure() + "\n");
                w.write("    mailingList: " + t.name() + "@lists.example.org\n");
                w.write("    chat: \"#" + t.name() + "\"\n");
                w.write("    members: [" + String.join(", ", t.members()) + "]\n");
            }
        }
    }

    private void writePeople(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Generated by GenerateCatalog.\npeople:\n");
            for (int i = 0; i < people.size(); i++) {
                String u = people.get(i);
                String[] parts = u.replaceAll("\\d+$", "").split("\\.");
                w.write("  - username: " + u + "\n");
                w.write("    name: \"" + capital(parts[0]) + " " + capital(parts[1]) + "\"\n");
                w.write("    email: " + u + "@example.org\n");
                w.write("    timezone: " + ZONES[i % ZONES.length] + "\n");
            }
        }
    }

    private static void writeTeamFile(Path file, Team team, List<ServiceSpec> services, List<ConsumerSpec> consumers)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Generated by GenerateCatalog: what " + team.name() + " owns.\n");
            if (!services.isEmpty()) {
                w.write("services:\n");
                for (ServiceSpec s : services) {
                    w.write("  - name: " + s.name() + "\n");
                    w.write("    title: \"" + capital(s.name().replace('-', ' ')) + "\"\n");
                    w.write("    owner: " + s.owner() + "\n");
                    w.write("    tier: " + s.tier() + "\n");
                    w.write("    announce: [" + s.owner() + "@lists.example.org]\n");
                    w.write("    repository: https://git.example.org/" + s.owner() + "/" + s.name() + "\n");
                    if (s.api()) {
                        w.write("    api: apis/" + s.name() + "/openapi.yaml\n");
                    }
                }
            }
            if (!consumers.isEmpty()) {
                w.write("consumers:\n");
                for (ConsumerSpec c : consumers) {
                    w.write("  - name: " + c.name() + "\n");
                    w.write("    kind: " + c.kind() + "\n");
                    if (c.partOf() != null) {
                        w.write("    service: " + c.partOf().name() + "\n");
                    }
                    w.write("    owner: " + c.owner() + "\n");
                    w.write("    contact: " + c.owner() + "@lists.example.org\n");
                    w.write("    uses:\n");
                    for (UseSpec u : c.uses()) {
                        w.write("      - service: " + u.provider().name() + "\n");
                        if (!u.operations().isEmpty()) {
                            List<String> quoted = u.operations().stream().map(o -> "\"" + o + "\"").toList();
                            w.write("        operations: [" + String.join(", ", quoted) + "]\n");
                        }
                    }
                }
            }
        }
    }

    /** An OpenAPI 3.0 description of the service's operations: per resource list, create, get, update. */
    static String openApi(ServiceSpec s) {
        StringBuilder y = new StringBuilder();
        y.append("openapi: 3.0.3\ninfo:\n  title: \"").append(s.name()).append(" API\"\n  version: \"1.0.0\"\n");
        y.append("servers:\n  - url: https://").append(s.name()).append(".example.org/api\n");
        y.append("paths:\n");
        for (String noun : s.resources()) {
            String type = capital(noun);
            y.append("  /").append(noun).append("s:\n");
            y.append("    get:\n      operationId: list").append(type).append("s\n");
            y.append("      parameters:\n");
            y.append("        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500}}\n");
            y.append("        - {name: cursor, in: query, schema: {type: string}}\n");
            y.append("      responses:\n        \"200\":\n          description: a page of ").append(noun).append("s\n");
            y.append("          content:\n            application/json:\n              schema:\n");
            y.append("                type: array\n                items: {$ref: \"#/components/schemas/")
                    .append(type).append("\"}\n");
            y.append("    post:\n      operationId: create").append(type).append("\n");
            y.append("      requestBody:\n        required: true\n        content:\n          application/json:\n");
            y.append("            schema: {$ref: \"#/components/schemas/New").append(type).append("\"}\n");
            y.append("      responses:\n        \"201\":\n          description: created\n");
            y.append("          content:\n            application/json:\n");
            y.append("              schema: {$ref: \"#/components/schemas/").append(type).append("\"}\n");
            y.append("        \"400\": {description: invalid}\n");
            y.append("  /").append(noun).append("s/{").append(noun).append("Id}:\n");
            y.append("    parameters:\n      - {name: ").append(noun)
                    .append("Id, in: path, required: true, schema: {type: string}}\n");
            y.append("    get:\n      operationId: get").append(type).append("\n");
            y.append("      responses:\n        \"200\":\n          description: the ").append(noun).append("\n");
            y.append("          content:\n            application/json:\n");
            y.append("              schema: {$ref: \"#/components/schemas/").append(type).append("\"}\n");
            y.append("        \"404\": {description: not found}\n");
            y.append("    put:\n      operationId: update").append(type).append("\n");
            y.append("      requestBody:\n        required: true\n        content:\n          application/json:\n");
            y.append("            schema: {$ref: \"#/components/schemas/New").append(type).append("\"}\n");
            y.append("      responses:\n        \"200\":\n          description: updated\n");
            y.append("          content:\n            application/json:\n");
            y.append("              schema: {$ref: \"#/components/schemas/").append(type).append("\"}\n");
        }
        y.append("components:\n  schemas:\n");
        for (String noun : s.resources()) {
            String type = capital(noun);
            y.append("    New").append(type).append(":\n      type: object\n      required: [name]\n");
            y.append("      properties:\n        name: {type: string, maxLength: 200}\n");
            y.append("        description: {type: string}\n        labels: {type: array, items: {type: string}}\n");
            y.append("    ").append(type).append(":\n      allOf:\n        - {$ref: \"#/components/schemas/New")
                    .append(type).append("\"}\n        - type: object\n          required: [id, created]\n");
            y.append("          properties:\n            id: {type: string}\n");
            y.append("            created: {type: string, format: date-time}\n");
            y.append("            state: {type: string, enum: [active, archived]}\n");
        }
        return y.toString();
    }

    private void writeServiceList(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# name\tlayer\tapi\toperations (operationId or METHOD /path)\n");
            for (ServiceSpec s : services) {
                List<String> ops = new ArrayList<>();
                for (int i = 0; i < s.ops().size(); i++) {
                    Op op = s.ops().get(i);
                    ops.add(s.api() && i % 5 == 4 ? op.methodAndPath() : op.operationId());
                }
                w.write(s.name() + "\t" + s.layer() + "\t" + (s.api() ? 1 : 0) + "\t" + String.join(";", ops) + "\n");
            }
        }
    }

    /**
     * Releases over two years: every service gets at least one, busy services many more. Each
     * release goes to staging, and most of them to production between an hour and three days later.
     */
    private int writeDeployments(Path file) throws IOException {
        double[] cumulative = new double[services.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            double u = random.nextDouble();
            total += 0.2 + u * u * u * 5;
            cumulative[i] = total;
        }
        // a release makes 1.85 records on average; draw a few percent too many, then trim
        int[] releases = new int[services.size()];
        Arrays.fill(releases, 1);
        double expected = 2.0 * services.size();
        while (expected < deploymentCount * 1.03) {
            int s = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            releases[s < 0 ? Math.min(-s - 1, releases.length - 1) : s]++;
            expected += 1.85;
        }
        List<DeploymentRecord> all = new ArrayList<>();
        long span = Duration.between(START, END).toMillis();
        Map<String, Team> teamByName = new LinkedHashMap<>();
        teams.forEach(t -> teamByName.put(t.name(), t));
        for (int i = 0; i < services.size(); i++) {
            ServiceSpec s = services.get(i);
            long[] times = new long[releases[i]];
            for (int k = 0; k < times.length; k++) {
                times[k] = START.toEpochMilli() + (long) (random.nextDouble() * span * 0.98);
            }
            Arrays.sort(times);
            List<String> deployers = teamByName.get(s.owner()).members();
            int major = 1;
            int minor = 0;
            int patch = 0;
            for (int k = 0; k < times.length; k++) {
                int bump = random.nextInt(100);
                if (k > 0) {
                    if (bump < 3) {
                        major++;
                        minor = 0;
                        patch = 0;
                    } else if (bump < 30) {
                        minor++;
                        patch = 0;
                    } else {
                        patch++;
                    }
                }
                String version = major + "." + minor + "." + patch;
                String by = deployers.isEmpty() ? "ci-bot" : deployers.get(random.nextInt(deployers.size()));
                all.add(new DeploymentRecord(times[k], s.name(), version, "staging", by, k == 0));
                // the first release always reaches production, so every service runs in both places
                if (k == 0 || random.nextInt(100) < 85) {
                    long later = times[k] + 3_600_000L + (long) (random.nextDouble() * 3 * 86_400_000L);
                    all.add(new DeploymentRecord(later, s.name(), version, "production", by, k == 0));
                }
            }
        }
        all.sort(Comparator.comparingLong(DeploymentRecord::at).thenComparing(DeploymentRecord::service)
                .thenComparing(DeploymentRecord::environment));
        List<DeploymentRecord> kept = trim(all, deploymentCount);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# at (ms since the epoch)\tservice\tversion\tenvironment\tby\n");
            for (DeploymentRecord r : kept) {
                w.write(r.at() + "\t" + r.service() + "\t" + r.version() + "\t" + r.environment() + "\t" + r.by() + "\n");
            }
        }
        return kept.size();
    }

    /** One line of deployments.tsv; {@code first} marks a service's first release, which is never trimmed. */
    private record DeploymentRecord(long at, String service, String version, String environment, String by,
                                    boolean first) {
    }

    /** Keeps {@code n} records, dropping evenly spread ones that are not of a service's first release. */
    private static List<DeploymentRecord> trim(List<DeploymentRecord> all, int n) {
        List<Integer> droppable = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).first()) {
                droppable.add(i);
            }
        }
        int excess = Math.min(droppable.size(), Math.max(0, all.size() - n));
        BitSet drop = new BitSet(all.size());
        double step = (double) droppable.size() / (excess + 1);
        for (int k = 1; k <= excess; k++) {
            drop.set(droppable.get((int) Math.min(droppable.size() - 1, Math.round(k * step))));
        }
        List<DeploymentRecord> kept = new ArrayList<>(n);
        for (int i = 0; i < all.size(); i++) {
            if (!drop.get(i)) {
                kept.add(all.get(i));
            }
        }
        return kept;
    }

    /** How many consumers a change to an operation of a bottom-layer service reaches, on average. */
    private String reachSummary() {
        Map<String, List<ConsumerSpec>> byProvider = new LinkedHashMap<>();
        for (ConsumerSpec c : consumers) {
            for (UseSpec u : c.uses()) {
                byProvider.computeIfAbsent(u.provider().name(), k -> new ArrayList<>()).add(c);
            }
        }
        long sum = 0;
        int n = 0;
        int max = 0;
        int deepest = 0;
        for (ServiceSpec s : layers.get(0)) {
            if (!s.api()) {
                continue;
            }
            Op op = s.ops().get(0);
            Set<String> seen = new LinkedHashSet<>();
            Set<String> servicesSeen = new LinkedHashSet<>(Set.of(s.name()));
            Deque<String[]> queue = new ArrayDeque<>();
            for (ConsumerSpec c : byProvider.getOrDefault(s.name(), List.of())) {
                UseSpec u = c.uses().stream().filter(x -> x.provider() == s).findFirst().orElseThrow();
                if (u.operations().isEmpty() || u.operations().contains(op.operationId())
                        || u.operations().contains(op.methodAndPath())) {
                    if (seen.add(c.name()) && c.partOf() != null && servicesSeen.add(c.partOf().name())) {
                        queue.add(new String[] {c.partOf().name(), "2"});
                    }
                }
            }
            while (!queue.isEmpty()) {
                String[] next = queue.poll();
                int depth = Integer.parseInt(next[1]);
                deepest = Math.max(deepest, depth);
                for (ConsumerSpec c : byProvider.getOrDefault(next[0], List.of())) {
                    if (seen.add(c.name()) && c.partOf() != null && servicesSeen.add(c.partOf().name())) {
                        queue.add(new String[] {c.partOf().name(), Integer.toString(depth + 1)});
                    }
                }
            }
            sum += seen.size();
            max = Math.max(max, seen.size());
            n++;
        }
        return String.format(Locale.ROOT, "transitive consumers of the first operation of each of the %d bottom-layer"
                + " services with an API: mean %.0f, max %,d; longest chain %d services", n, n == 0 ? 0.0 : (double) sum / n, max, deepest);
    }
}
