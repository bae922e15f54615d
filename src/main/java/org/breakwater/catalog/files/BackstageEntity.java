package org.breakwater.catalog.files;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.catalog.CatalogDraft;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.Located;
import org.breakwater.catalog.Names;

/**
 * One Backstage entity whose envelope (apiVersion, kind, metadata.name, spec) was found sound,
 * with typed access to its fields. A mistyped field is reported to the draft at its place and
 * read as absent, so one pass finds every problem of a file.
 */
final class BackstageEntity {
    /** The Breakwater entry each kind with a name of its own becomes, for messages about the name. */
    private static final java.util.Map<String, String> STORED_AS = java.util.Map.of("group", "team", "user", "person",
            "component", "service");
    private final String file;
    private final CatalogDraft draft;
    private final ObjectNode node;
    private final ScalarNode kind;
    private final String name;
    private final ObjectNode metadata;
    private final ObjectNode spec;
    /** Read on first use, so that a mistyped one is reported once however often it is read. */
    private ObjectNode annotations;
    private ObjectNode profile;

    private BackstageEntity(String file, CatalogDraft draft, ObjectNode node, ScalarNode kind, String name,
                            ObjectNode metadata, ObjectNode spec) {
        this.file = file;
        this.draft = draft;
        this.node = node;
        this.kind = kind;
        this.name = name;
        this.metadata = metadata;
        this.spec = spec;
    }

    private static ObjectNode empty(Node at) {
        return new ObjectNode(new LinkedHashMap<>(), at.line(), at.column(), 1);
    }

    /** The entity {@code document} holds, or empty (with the problem reported) when its envelope is broken. */
    static Optional<BackstageEntity> read(Node document, String file, CatalogDraft draft) {
        BackstageEntity probe = new BackstageEntity(file, draft, null, null, null, null, null);
        if (!(document instanceof ObjectNode o)) {
            probe.error(document, "a Backstage entity must be a mapping, not " + document.kindName());
            return Optional.empty();
        }
        if (!BackstageReader.isBackstage(o)) {
            Optional<Node> api = o.get("apiVersion");
            probe.error(api.orElse(o), api.isEmpty() ? "the entity has no 'apiVersion'"
                    : "not a Backstage entity: apiVersion must start with backstage.io/");
            return Optional.empty();
        }
        Optional<ScalarNode> kind = probe.scalar(o, "kind", "kind");
        Optional<ObjectNode> metadata = probe.object(o, "metadata", "metadata");
        Optional<String> name = metadata.flatMap(m -> probe.text(m, "name", "metadata.name"))
                .filter(n -> !n.isBlank());
        Optional<ObjectNode> spec = probe.object(o, "spec", "spec");
        if (kind.isEmpty() && !o.has("kind")) {
            probe.error(o, "the entity has no 'kind'");
        } else if (kind.isPresent() && kind.get().text().isBlank()) {
            probe.error(kind.get(), "'kind' is empty");
            kind = Optional.empty();
        }
        if (metadata.isEmpty() && !o.has("metadata")) {
            probe.error(o, "the entity has no 'metadata'");
        }
        if (metadata.isPresent() && name.isEmpty()) {
            Optional<Node> written = metadata.get().get("name");
            if (written.isEmpty() || written.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
                probe.error(metadata.get(), "the entity has no 'metadata.name'");
            } else if (written.get() instanceof ScalarNode s) {
                probe.error(s, "'metadata.name' is empty");
            }
        }
        if (kind.isEmpty() || name.isEmpty() || o.has("spec") && spec.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = spec.orElseGet(() -> empty(o));
        String what = STORED_AS.get(kind.get().text().toLowerCase(Locale.ROOT));
        if (what != null) {
            Names.problem(name.get(), what).ifPresent(m -> probe.error(metadata.get().get("name").orElseThrow(), m));
        }
        return Optional.of(new BackstageEntity(file, draft, o, kind.get(), name.get(), metadata.get(), body));
    }

    /** The kind in lower case ({@code component}). */
    String kind() {
        return kind.text().toLowerCase(Locale.ROOT);
    }

    ScalarNode kindNode() {
        return kind;
    }

    String name() {
        return name;
    }

    ObjectNode metadata() {
        return metadata;
    }

    ObjectNode spec() {
        return spec;
    }

    CatalogDraft draft() {
        return draft;
    }

    /** {@code value} placed where this entity's mapping starts. */
    <T> Located<T> located(T value) {
        return new Located<>(value, file, node.line(), node.column());
    }

    void error(Node at, String message) {
        draft.problem(CatalogProblem.error(file, at.line(), at.column(), message));
    }

    void warning(Node at, String message) {
        draft.problem(CatalogProblem.warning(file, at.line(), at.column(), message));
    }

    /** A text member (a number or boolean as written); {@code path} names it in messages. */
    Optional<String> text(ObjectNode in, String key, String path) {
        return scalar(in, key, path).map(ScalarNode::text);
    }

    Optional<ScalarNode> scalar(ObjectNode in, String key, String path) {
        Optional<Node> value = in.get(key);
        if (value.isEmpty() || value.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return Optional.empty();
        }
        if (value.get() instanceof ScalarNode s) {
            return Optional.of(s);
        }
        error(value.get(), "'" + path + "' must be text, not " + value.get().kindName());
        return Optional.empty();
    }

    Optional<ObjectNode> object(ObjectNode in, String key, String path) {
        Optional<Node> value = in.get(key);
        if (value.isEmpty() || value.get() instanceof ObjectNode) {
            return value.map(ObjectNode.class::cast);
        }
        error(value.get(), "'" + path + "' must be a mapping, not " + value.get().kindName());
        return Optional.empty();
    }

    /** A member of {@code spec.profile}, blank read as absent. */
    Optional<String> profile(String key) {
        if (profile == null) {
            profile = object(spec, "profile", "spec.profile").orElseGet(() -> empty(spec));
        }
        return text(profile, key, "spec.profile." + key).filter(t -> !t.isBlank());
    }

    /** The value of annotation {@code key}. */
    Optional<ScalarNode> annotation(String key) {
        return scalar(annotations(), key, "metadata.annotations." + key);
    }

    /** True when annotation {@code key} is written, whatever its value. */
    boolean hasAnnotation(String key) {
        return annotations().has(key);
    }

    private ObjectNode annotations() {
        if (annotations == null) {
            annotations = object(metadata, "annotations", "metadata.annotations").orElseGet(() -> empty(metadata));
        }
        return annotations;
    }

    /** A true/false annotation; anything else is reported and {@code otherwise} used. */
    boolean flagAnnotation(String key, boolean otherwise) {
        Optional<ScalarNode> value = annotation(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        String t = value.get().text().strip().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        error(value.get(), "annotation " + key + " must be \"true\" or \"false\", not '" + value.get().text() + "'");
        return otherwise;
    }
}
