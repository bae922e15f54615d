package org.breakwater.catalog.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.catalog.CatalogDraft;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.ConsumerKind;
import org.breakwater.catalog.Identify;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.Located;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.Use;

/**
 * Breakwater's own catalog format (docs/catalog.md): a file is one mapping with any of the
 * sections {@code environments}, {@code teams}, {@code people}, {@code services} and
 * {@code consumers}, each a list of entries.
 */
final class YamlCatalogReader {
    /** {@code suites} is read by staging suite import (org.breakwater.staging.files), not here. */
    static final Set<String> SECTIONS = Set.of("environments", "teams", "people", "services", "consumers", "suites");

    private final String file;
    private final Path path;
    private final Path catalogRoot;
    private final CatalogDraft draft;

    YamlCatalogReader(String file, Path path, Path catalogRoot, CatalogDraft draft) {
        this.file = file;
        this.path = path;
        this.catalogRoot = catalogRoot;
        this.draft = draft;
    }

    void read(ObjectNode root) {
        Fields top = new Fields(root, file, draft, "a catalog file", SECTIONS);
        top.objects("environments").forEach(n -> entry(n, "environment", "name", this::environment));
        top.objects("teams").forEach(n -> entry(n, "team", "name", this::team));
        top.objects("people").forEach(n -> entry(n, "person", "username", this::person));
        top.objects("services").forEach(n -> entry(n, "service", "name", this::service));
        top.objects("consumers").forEach(n -> entry(n, "consumer", "name", this::consumer));
    }

    /**
     * Reads one entry; one that is not taken is noted under its name (or under what a misspelt
     * name field holds: {@code nmae: fas}), so that references to it are not reported too.
     */
    private void entry(ObjectNode n, String kind, String nameKey, java.util.function.Predicate<ObjectNode> read) {
        int mark = draft.problemCount();
        if (!read.test(n)) {
            n.text(nameKey).or(() -> n.fields().keySet().stream()
                            .filter(k -> org.breakwater.text.Suggestions.closest(k, Set.of(nameKey)).isPresent())
                            .findFirst().flatMap(n::text))
                    .ifPresent(name -> draft.rejected(kind, name, mark));
        }
    }

    private void place(Node entry, String part, Node at) {
        draft.place(file, entry.line(), entry.column(), part, at.line(), at.column());
    }

    private <T> Located<T> at(T value, Node node) {
        return new Located<>(value, file, node.line(), node.column());
    }

    private boolean environment(ObjectNode n) {
        Fields f = new Fields(n, file, draft, "an environment", Set.of("name", "description", "production", "hosts",
                "base_url", "baselines"));
        Optional<String> name = f.name("name", "environment");
        String description = f.text("description").orElse("");
        boolean production = f.flag("production", false);
        List<String> hosts = new ArrayList<>();
        for (ScalarNode h : f.texts("hosts")) {
            if (ADDRESS.matcher(h.text()).matches()) {
                hosts.add(h.text());
            } else {
                f.error(h, "'" + h.text() + "' is not an address or a block such as 10.5.126.0/24 or 2001:db8::/32");
            }
        }
        String baseUrl = f.text("base_url").orElse("");
        Environment.baseUrlProblem(baseUrl).filter(p -> !baseUrl.isEmpty()).ifPresent(p -> f.error(f.raw("base_url").get(), p));
        List<String> baselines = f.texts("baselines").stream().map(ScalarNode::text).toList();
        name.ifPresent(v -> draft.environment(at(new Environment(v, description, production, hosts,
                Environment.baseUrlProblem(baseUrl).isPresent() ? "" : baseUrl, baselines), n)));
        return name.isPresent();
    }

    private boolean team(ObjectNode n) {
        Fields f = new Fields(n, file, draft, "a team",
                Set.of("name", "title", "infrastructure", "mailingList", "chat", "members"));
        Optional<String> name = f.name("name", "team");
        String title = f.text("title").orElse(null);
        boolean infra = f.flag("infrastructure", false);
        Optional<String> list = f.text("mailingList");
        Optional<String> chat = f.text("chat");
        List<ScalarNode> memberNodes = f.texts("members");
        List<String> members = memberNodes.stream().map(ScalarNode::text).toList();
        name.ifPresent(v -> {
            memberNodes.forEach(m -> place(n, "member/" + m.text(), m));
            draft.team(at(new Team(v, title, infra, list, chat, members), n));
        });
        return name.isPresent();
    }

    private boolean person(ObjectNode n) {
        Fields f = new Fields(n, file, draft, "a person", Set.of("username", "name", "email", "timezone"));
        Optional<String> username = f.name("username", "person");
        String name = f.text("name").orElse(null);
        String email = f.text("email").orElse("");
        ZoneId zone = ZoneId.of("UTC");
        Optional<String> tz = f.text("timezone");
        if (tz.isPresent()) {
            try {
                zone = ZoneId.of(tz.get());
            } catch (DateTimeException e) {
                f.error(n.get("timezone").orElseThrow(), "unknown time zone '" + tz.get()
                        + "' (use an IANA name such as Europe/Paris or America/New_York)");
            }
        }
        ZoneId z = zone;
        username.ifPresent(v -> draft.person(at(new Person(v, name, email, z, List.of()), n)));
        return username.isPresent();
    }

    private boolean service(ObjectNode n) {
        Fields f = new Fields(n, file, draft, "a service", Set.of("name", "title", "owner", "tier", "freezeSensitive",
                "announce", "repository", "docs", "system", "api"));
        Optional<String> name = f.name("name", "service");
        String title = f.text("title").orElse(null);
        Optional<String> owner = f.required("owner");
        Optional<Tier> tier = Optional.empty();
        Optional<String> tierText = f.required("tier");
        if (tierText.isPresent()) {
            tier = Tier.parse(tierText.get());
            if (tier.isEmpty()) {
                f.error(n.get("tier").orElseThrow(), "unknown tier '" + tierText.get()
                        + "' (essential, borderline or leaf)");
            }
        }
        boolean freeze = f.flag("freezeSensitive", tier.map(t -> t != Tier.LEAF).orElse(true));
        List<String> announce = f.texts("announce").stream().map(ScalarNode::text).toList();
        Optional<String> repo = f.text("repository");
        Optional<String> docs = f.text("docs");
        Optional<String> system = f.text("system");
        Optional<String> api = f.text("api");
        if (name.isEmpty() || owner.isEmpty() || tier.isEmpty()) {
            return false;
        }
        place(n, "owner", n.get("owner").orElseThrow());
        draft.service(at(new Service(name.get(), title, owner.get(), tier.get(), freeze, announce, repo, docs, system), n));
        api.ifPresent(a -> apiFile(name.get(), a, n.get("api").orElseThrow()));
        return true;
    }

    /** The API description a service names: a file inside the catalog folder. */
    private void apiFile(String service, String text, Node at) {
        Path target;
        try {
            target = path.toAbsolutePath().getParent().resolve(text).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            draft.problem(CatalogProblem.error(file, at.line(), at.column(), "'" + text + "' is not a file name"));
            return;
        }
        if (text.contains("://") || Path.of(text).isAbsolute() || !target.startsWith(catalogRoot.normalize())) {
            draft.problem(CatalogProblem.error(file, at.line(), at.column(), "the API description '" + text
                    + "' must be a relative path to a file inside the catalog folder"));
            return;
        }
        try {
            if (!Files.isRegularFile(target) || !target.toRealPath().startsWith(catalogRoot.toRealPath())) {
                draft.problem(CatalogProblem.error(file, at.line(), at.column(), "the API description '" + text
                        + "' is not a file inside the catalog folder"));
                return;
            }
        } catch (IOException e) {
            draft.problem(CatalogProblem.error(file, at.line(), at.column(), "the API description '" + text
                    + "' cannot be read: " + e.getMessage()));
            return;
        }
        draft.api(service, new Located<>(target, file, at.line(), at.column()));
    }

    private boolean consumer(ObjectNode n) {
        Fields f = new Fields(n, file, draft, "a consumer",
                Set.of("name", "kind", "service", "owner", "contact", "description", "uses", "identify"));
        Optional<String> name = f.name("name", "consumer");
        Optional<ConsumerKind> kind = Optional.empty();
        Optional<String> kindText = f.required("kind");
        if (kindText.isPresent()) {
            kind = ConsumerKind.parse(kindText.get());
            if (kind.isEmpty()) {
                f.error(n.get("kind").orElseThrow(), "unknown consumer kind '" + kindText.get()
                        + "' (service, library, script or tool)");
            }
        }
        Optional<String> service = f.text("service");
        Optional<String> owner = f.required("owner");
        Optional<String> contact = f.text("contact");
        Optional<String> description = f.text("description");
        List<Use> uses = new ArrayList<>();
        n.get("owner").ifPresent(o -> place(n, "owner", o));
        n.get("service").ifPresent(o -> place(n, "service", o));
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        if (n.get("uses").isEmpty()) {
            f.error(n, "a consumer has no 'uses': list the services (and operations) it calls");
        } else if (n.get("uses").get() instanceof org.breakwater.apidiff.spec.ArrayNode a && a.items().isEmpty()) {
            f.error(a, "'uses' is empty: list the services (and operations) the consumer calls");
        }
        for (ObjectNode u : f.objects("uses")) {
            Fields uf = new Fields(u, file, draft, "a use", Set.of("service", "operations"));
            Optional<String> provider = uf.required("service");
            List<ScalarNode> opNodes = uf.texts("operations");
            List<OperationRef> ops = opNodes.stream().map(s -> OperationRef.parse(s.text())).toList();
            provider.ifPresent(p -> {
                int occurrence = seen.merge(p, 1, Integer::sum);
                place(n, "use/" + p + (occurrence > 1 ? "#" + occurrence : ""), u.get("service").orElseThrow());
                for (int i = 0; i < opNodes.size(); i++) {
                    place(n, "use/" + p + "/op/" + ops.get(i).text(), opNodes.get(i));
                }
                uses.add(new Use(p, ops));
            });
        }
        List<Identify> identify = new ArrayList<>();
        for (ObjectNode r : f.objects("identify")) {
            identify(r).ifPresent(identify::add);
        }
        if (name.isPresent() && kind.isPresent() && owner.isPresent()) {
            draft.consumer(at(new Consumer(name.get(), kind.get(), service, owner.get(), contact, description, uses,
                    identify), n));
            return true;
        }
        return false;
    }

    /**
     * One rule to recognise a consumer in access logs: exactly one of {@code userAgent},
     * {@code address}, {@code host}, {@code user}, or {@code header} with its {@code value}.
     */
    private Optional<Identify> identify(ObjectNode r) {
        Fields rf = new Fields(r, file, draft, "an identify rule", Set.of("userAgent", "address", "host", "user", "header",
                "value"));
        List<Identify.Kind> kinds = new ArrayList<>();
        for (Identify.Kind k : Identify.Kind.values()) {
            if (r.has(k.key())) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            rf.error(r, "an identify rule has exactly one of userAgent, address, host, user or header, not "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds.stream().map(Identify.Kind::key).toList())));
            return Optional.empty();
        }
        Identify.Kind kind = kinds.get(0);
        Optional<String> text = rf.required(kind.key());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        org.breakwater.apidiff.spec.Node at = r.get(kind.key()).orElseThrow();
        if (kind == Identify.Kind.HEADER) {
            Optional<String> value = rf.required("value");
            return value.map(v -> new Identify(kind, v, text));
        }
        if (r.has("value")) {
            rf.error(r.get("value").orElseThrow(), "'value' belongs to a header rule");
        }
        if (kind == Identify.Kind.USER_AGENT || kind == Identify.Kind.HOST) {
            try {
                java.util.regex.Pattern.compile(text.get());
            } catch (java.util.regex.PatternSyntaxException e) {
                rf.error(at, "'" + text.get() + "' is not a regular expression: " + e.getDescription());
                return Optional.empty();
            }
        }
        if (kind == Identify.Kind.ADDRESS && !ADDRESS.matcher(text.get()).matches()) {
            rf.error(at, "'" + text.get() + "' is not an address or a block such as 10.5.126.0/24 or 2001:db8::/32");
            return Optional.empty();
        }
        return Optional.of(new Identify(kind, text.get(), Optional.empty()));
    }

    /** An IPv4 or IPv6 address, or a CIDR block of either. */
    static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "(\\d{1,3}(\\.\\d{1,3}){3}(/([0-9]|[12][0-9]|3[0-2]))?)|([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/(\\d{1,3}))?)");
}
