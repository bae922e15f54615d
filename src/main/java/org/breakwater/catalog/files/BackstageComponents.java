package org.breakwater.catalog.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.ConsumerKind;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.Use;

/** Backstage Components as Breakwater services and their consumers; see {@link BackstageReader}. */
final class BackstageComponents {
    static final String TIER = "breakwater.org/tier";
    static final String FREEZE_SENSITIVE = "breakwater.org/freeze-sensitive";
    static final String ANNOUNCE = "breakwater.org/announce";
    static final String IDENTIFY_USER_AGENT = "breakwater.org/identify-user-agent";
    static final String IDENTIFY_ADDRESS = "breakwater.org/identify-address";
    static final String PROJECT_SLUG = "github.com/project-slug";
    static final String SOURCE_LOCATION = "backstage.io/source-location";

    private static final Set<String> REPOSITORY_ICONS = Set.of("github", "gitlab", "bitbucket", "git", "code",
            "source", "repository");

    private record Link(String url, String title, String icon) {
    }

    private BackstageComponents() {
    }

    /** A Component: a service, and a consumer when it consumes APIs or depends on components. */
    static boolean component(BackstageEntity e, Map<String, String> providers) {
        Optional<String> owner = owner(e);
        String title = e.text(e.metadata(), "title", "metadata.title").filter(t -> !t.isBlank()).orElse(e.name());
        Tier tier = tier(e);
        boolean freezeSensitive = e.flagAnnotation(FREEZE_SENSITIVE, tier != Tier.LEAF);
        List<String> announce = e.annotation(ANNOUNCE).stream()
                .flatMap(a -> List.of(a.text().split(",")).stream())
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
        List<Link> links = links(e);
        Optional<String> docs = links.stream()
                .filter(l -> l.title().contains("doc") || l.icon().equals("docs")).map(Link::url).findFirst();
        Optional<String> system = EntityRefs.one(e, e.spec(), "system", "spec.system").map(r -> r.ref().name());
        Optional<String> repository = repository(e, links);
        List<Use> uses = uses(e, providers);
        if (owner.isEmpty()) {
            return false; // reported; the rest was read only to report its problems too
        }
        e.draft().service(e.located(new Service(e.name(), title, owner.get(), tier, freezeSensitive, announce,
                repository, docs, system)));
        if (!uses.isEmpty()) {
            e.draft().consumer(e.located(new Consumer(e.name(), ConsumerKind.SERVICE, Optional.of(e.name()),
                    owner.get(), Optional.empty(), Optional.of("Backstage component " + e.name()), uses, identify(e))));
        }
        return true;
    }

    /**
     * How to recognise the component in access logs (docs/traffic.md): a user-agent regular
     * expression, and addresses or CIDR blocks separated by commas.
     */
    private static List<org.breakwater.catalog.Identify> identify(BackstageEntity e) {
        List<org.breakwater.catalog.Identify> rules = new java.util.ArrayList<>();
        e.annotation(IDENTIFY_USER_AGENT).ifPresent(a -> {
            try {
                java.util.regex.Pattern.compile(a.text());
                rules.add(new org.breakwater.catalog.Identify(org.breakwater.catalog.Identify.Kind.USER_AGENT, a.text(),
                        Optional.empty()));
            } catch (java.util.regex.PatternSyntaxException x) {
                e.error(a, "annotation " + IDENTIFY_USER_AGENT + ": '" + a.text() + "' is not a regular expression: "
                        + x.getDescription());
            }
        });
        e.annotation(IDENTIFY_ADDRESS).ifPresent(a -> {
            for (String one : a.text().split(",")) {
                String address = one.strip();
                if (address.isEmpty()) {
                    continue;
                }
                if (YamlCatalogReader.ADDRESS.matcher(address).matches()) {
                    rules.add(new org.breakwater.catalog.Identify(org.breakwater.catalog.Identify.Kind.ADDRESS, address,
                            Optional.empty()));
                } else {
                    e.error(a, "annotation " + IDENTIFY_ADDRESS + ": '" + address + "' is not an address or a block such as"
                            + " 10.5.126.0/24");
                }
            }
        });
        return rules;
    }

    /** The owning group's name; a user is kept as written, with a warning. */
    private static Optional<String> owner(BackstageEntity e) {
        Optional<EntityRefs.Written> ref = EntityRefs.one(e, e.spec(), "owner", "spec.owner");
        if (ref.isEmpty()) {
            if (!e.spec().has("owner")) {
                e.error(e.spec(), "Component " + e.name() + " has no 'spec.owner'");
            }
            return Optional.empty();
        }
        EntityRef owner = ref.get().ref();
        ScalarNode at = ref.get().node();
        if (owner.is("group", true)) {
            return Optional.of(owner.name());
        }
        if (owner.is("user", false)) {
            e.warning(at, "owner '" + at.text() + "' is a user; Breakwater services are owned by teams"
                    + " (a Group), so the owner is kept as written");
            return Optional.of(at.text().strip());
        }
        e.error(at, "owner '" + at.text() + "' must be a Group");
        return Optional.empty();
    }

    private static Tier tier(BackstageEntity e) {
        Optional<ScalarNode> written = e.annotation(TIER);
        if (written.isEmpty()) {
            if (!e.hasAnnotation(TIER)) {
                e.warning(e.metadata(), "no tier: annotate " + TIER + "; assumed borderline");
            }
            return Tier.BORDERLINE;
        }
        Optional<Tier> tier = Tier.parse(written.get().text().strip().toLowerCase(Locale.ROOT));
        if (tier.isEmpty()) {
            e.error(written.get(), "annotation " + TIER + " must be essential, borderline or leaf, not '"
                    + written.get().text() + "'");
        }
        return tier.orElse(Tier.BORDERLINE);
    }

    private static Optional<String> repository(BackstageEntity e, List<Link> links) {
        Optional<ScalarNode> slug = e.annotation(PROJECT_SLUG);
        if (slug.isPresent()) {
            String s = slug.get().text().strip();
            if (s.matches("[^/\\s]+/[^/\\s]+")) {
                return Optional.of("https://github.com/" + s);
            }
            e.warning(slug.get(), "annotation " + PROJECT_SLUG + " must be owner/repository, not '" + s + "'; ignored");
        }
        Optional<String> location = e.annotation(SOURCE_LOCATION).map(l -> l.text().strip())
                .filter(l -> l.startsWith("url:")).map(l -> l.substring(4));
        if (location.isPresent()) {
            return location;
        }
        return links.stream().filter(l -> l.title().contains("repo") || l.title().contains("source")
                || REPOSITORY_ICONS.contains(l.icon())).map(Link::url).findFirst();
    }

    /** metadata.links, with title and icon in lower case. */
    private static List<Link> links(BackstageEntity e) {
        List<Link> out = new ArrayList<>();
        Optional<Node> value = e.metadata().get("links");
        if (value.isEmpty() || value.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return out;
        }
        if (!(value.get() instanceof ArrayNode list)) {
            e.error(value.get(), "'metadata.links' must be a list, not " + value.get().kindName());
            return out;
        }
        for (Node item : list.items()) {
            if (!(item instanceof ObjectNode link)) {
                e.error(item, "each entry of 'metadata.links' must be a mapping, not " + item.kindName());
                continue;
            }
            Optional<String> url = e.text(link, "url", "metadata.links[].url").filter(u -> !u.isBlank());
            if (url.isEmpty()) {
                if (!link.has("url")) {
                    e.warning(link, "a link without a 'url' is ignored");
                }
                continue;
            }
            out.add(new Link(url.get().strip(),
                    e.text(link, "title", "metadata.links[].title").orElse("").toLowerCase(Locale.ROOT),
                    e.text(link, "icon", "metadata.links[].icon").orElse("").toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The services the component uses: providers of the APIs it consumes, components it depends on. */
    private static List<Use> uses(BackstageEntity e, Map<String, String> providers) {
        Set<String> used = new LinkedHashSet<>();
        for (EntityRefs.Written api : EntityRefs.list(e, e.spec(), "consumesApis", "spec.consumesApis", "api")) {
            String provider = providers.get(api.ref().name());
            if (provider == null) {
                e.warning(api.node(), "API " + api.ref().name() + " is provided by no Component in these files");
            } else {
                used.add(provider);
            }
        }
        for (EntityRefs.Written dep : EntityRefs.list(e, e.spec(), "dependsOn", "spec.dependsOn", null)) {
            if (dep.ref().is("component", false)) {
                used.add(dep.ref().name());
            } else if (!dep.ref().is("resource", false)) {
                e.warning(dep.node(), "dependsOn '" + dep.node().text()
                        + "' is not a component reference (component:name); only components become uses, so it is ignored");
            }
        }
        used.remove(e.name());
        return used.stream().map(s -> new Use(s, List.of())).toList();
    }
}
