package org.breakwater.catalog.files;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.catalog.CatalogDraft;

/**
 * Imports Backstage catalog entities ({@code catalog-info.yaml}) into a {@link CatalogDraft}, so
 * a team with a Backstage catalog starts in one command. Every entry is placed at its entity's
 * mapping; every problem at the node it is about. Bad input is reported, never thrown.
 *
 * <p>Mapping:
 * <ul>
 * <li><b>Group → Team</b>: name = metadata.name; title = spec.profile.displayName, else
 *     metadata.title, else the name; mailingList = spec.profile.email; chat = annotation
 *     {@code breakwater.org/chat}; infrastructure = annotation {@code breakwater.org/infrastructure}
 *     ("true"/"false", default true); members = spec.members (user references).</li>
 * <li><b>User → Person</b>: username = metadata.name; name = spec.profile.displayName; email =
 *     spec.profile.email (may be absent); timezone = annotation {@code breakwater.org/timezone}
 *     (a zone id such as Europe/Prague, default UTC); teams = spec.memberOf (group references).
 *     {@link CatalogDraft#build()} merges memberships written on either side.</li>
 * <li><b>Component → Service</b>: name = metadata.name; title = metadata.title, else the name;
 *     owner = spec.owner (a group; a {@code user:} owner is kept as written, with a warning);
 *     tier = annotation {@code breakwater.org/tier} (essential, borderline, leaf; when absent
 *     borderline, with a warning); freezeSensitive = annotation {@code breakwater.org/freeze-sensitive}
 *     (default true unless the tier is leaf); announce = annotation {@code breakwater.org/announce}
 *     (comma-separated addresses); repository = annotation {@code github.com/project-slug} as a
 *     GitHub URL, else a {@code url:} annotation {@code backstage.io/source-location}, else the
 *     first metadata.links entry titled like "repo"/"source" or with a code-host icon; docs =
 *     the first metadata.links entry whose title contains "doc" (or whose icon is "docs");
 *     system = spec.system.</li>
 * <li><b>Component → Consumer</b>: a component with spec.consumesApis or spec.dependsOn also
 *     becomes one consumer of kind service, named after it, owned by its owner, using the whole
 *     API of each component that provides (spec.providesApis) an API it consumes, and of each
 *     {@code component:} it depends on. {@code resource:} dependencies are skipped silently,
 *     other kinds with a warning; an API no Component provides is a warning and no use. A
 *     component that ends up using nothing (or only itself) is no consumer.</li>
 * <li><b>API</b>: no entry; providers are looked up across every file read together. An inline
 *     {@code spec.definition} is not imported yet: a service's API description is registered
 *     through Breakwater's own catalog files.</li>
 * <li><b>System</b>: no entry; its name reaches services through spec.system.</li>
 * <li>Other kinds (Resource, Location, Domain, Template…) are skipped with a warning.</li>
 * </ul>
 * Entity references may be written {@code kind:namespace/name}, {@code kind:name},
 * {@code namespace/name} or {@code name}; only the name is kept, Breakwater names being global.
 */
public final class BackstageReader {
    private static final Set<String> WITHOUT_ENTRY = Set.of("api", "system");

    /** The documents of one file, as {@code TreeReader#readDocuments} gives them. */
    public record SourceFile(String file, List<Node> documents) {
        public SourceFile {
            documents = List.copyOf(documents);
        }
    }

    private BackstageReader() {
    }

    /**
     * True when {@code document} is a mapping whose apiVersion starts with {@code backstage.io/}
     * (or a subgroup's, such as the {@code scaffolder.backstage.io/} of Templates).
     */
    public static boolean isBackstage(Node document) {
        return document instanceof ObjectNode o && o.text("apiVersion")
                .filter(v -> v.startsWith("backstage.io/") || v.matches("[a-z0-9.-]+\\.backstage\\.io/.*"))
                .isPresent();
    }

    /** Adds the entities of one file to {@code draft}; APIs are looked up within this file only. */
    public static void read(List<Node> documents, String file, CatalogDraft draft) {
        read(List.of(new SourceFile(file, documents)), draft);
    }

    /** Adds the entities of several files to {@code draft}, finding each API's provider in any of them. */
    public static void read(List<SourceFile> files, CatalogDraft draft) {
        List<BackstageEntity> entities = new ArrayList<>();
        for (SourceFile f : files) {
            for (Node document : f.documents()) {
                int mark = draft.problemCount();
                Optional<BackstageEntity> e = BackstageEntity.read(document, f.file(), draft);
                e.ifPresent(entities::add);
                if (e.isEmpty() && document instanceof ObjectNode o) {
                    Optional<String> name = o.get("metadata").filter(m -> m instanceof ObjectNode)
                            .flatMap(m -> ((ObjectNode) m).text("name"));
                    o.text("kind").ifPresent(kind -> name.ifPresent(n -> rejected(draft, kind, n, mark)));
                }
            }
        }
        Map<String, String> providers = providers(entities);
        for (BackstageEntity e : entities) {
            int mark = draft.problemCount();
            try {
                if (!convert(e, providers)) {
                    rejected(draft, e.kind(), e.name(), mark);
                }
            } catch (IllegalArgumentException | DateTimeException ex) {
                // the checks above should leave nothing for the records to refuse; if one does, say so
                e.error(e.kindNode(), "cannot import " + e.kindNode().text() + " " + e.name() + ": " + ex.getMessage());
                rejected(draft, e.kind(), e.name(), mark);
            }
        }
    }

    /** An entity written but not taken: references to it follow from the problem that kept it out. */
    private static void rejected(CatalogDraft draft, String kind, String name, int mark) {
        switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "group" -> draft.rejected("team", name, mark);
            case "user" -> draft.rejected("person", name, mark);
            case "component" -> {
                draft.rejected("service", name, mark);
                draft.rejected("consumer", name, mark);
            }
            default -> {
            }
        }
    }

    /** Adds the entity's entries; false when it was meant to become one but was not taken. */
    private static boolean convert(BackstageEntity e, Map<String, String> providers) {
        switch (e.kind()) {
            case "group" -> BackstagePeople.team(e);
            case "user" -> BackstagePeople.person(e);
            case "component" -> {
                return BackstageComponents.component(e, providers);
            }
            default -> {
                if (!WITHOUT_ENTRY.contains(e.kind())) {
                    e.warning(e.kindNode(), "Backstage kind " + e.kindNode().text()
                            + " has no counterpart in the Breakwater catalog; skipped");
                }
            }
        }
        return true;
    }

    /** API name → name of the Component whose spec.providesApis names it (the first, if several do). */
    private static Map<String, String> providers(List<BackstageEntity> entities) {
        Map<String, String> providers = new LinkedHashMap<>();
        for (BackstageEntity e : entities) {
            if (!e.kind().equals("component")) {
                continue;
            }
            for (EntityRefs.Written api : EntityRefs.list(e, e.spec(), "providesApis", "spec.providesApis", "api")) {
                String first = providers.putIfAbsent(api.ref().name(), e.name());
                if (first != null && !first.equals(e.name())) {
                    e.warning(api.node(), "API " + api.ref().name() + " is already provided by Component "
                            + first + "; its consumers are counted as using " + first);
                }
            }
        }
        return providers;
    }
}
