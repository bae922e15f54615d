package org.breakwater.catalog.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.catalog.CatalogDraft;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.Names;

/**
 * Typed access to one mapping of a catalog file. A missing or mistyped field is reported to
 * the draft at its place and read as absent, so one pass finds every problem of a file.
 */
final class Fields {
    private final ObjectNode node;
    private final String file;
    private final CatalogDraft draft;
    private final String what;
    /** Known field → the unknown field written for it ({@code tier} → {@code teir}). */
    private final Map<String, String> typos = new HashMap<>();

    Fields(ObjectNode node, String file, CatalogDraft draft, String what, Set<String> allowed) {
        this.node = node;
        this.file = file;
        this.draft = draft;
        this.what = what;
        Set<String> known = new TreeSet<>(allowed);
        for (String key : node.fields().keySet()) {
            if (!allowed.contains(key)) {
                Node value = node.fields().get(key);
                Optional<String> meant = org.breakwater.text.Suggestions.closest(key, known).filter(k -> !node.has(k));
                meant.ifPresent(k -> typos.putIfAbsent(k, key));
                draft.problem(CatalogProblem.error(file, value.line(), value.column(), "unknown field '" + key
                        + "' in " + what + meant.map(k -> "; did you mean '" + k + "'?")
                        .orElse(" (known: " + String.join(", ", known) + ")")));
            }
        }
    }

    ObjectNode node() {
        return node;
    }

    Optional<Node> raw(String key) {
        return node.get(key);
    }

    void error(Node at, String message) {
        draft.problem(CatalogProblem.error(file, at.line(), at.column(), message));
    }

    void warning(Node at, String message) {
        draft.problem(CatalogProblem.warning(file, at.line(), at.column(), message));
    }

    /**
     * A required text; reported when missing, unless a misspelling of it was written (that
     * unknown field is the cause, and reported already).
     */
    Optional<String> required(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty() && node.get(key).isEmpty() && !typos.containsKey(key)) {
            error(node, what + " has no '" + key + "'");
        }
        return value;
    }

    /**
     * A required name ({@link Names}): one that breaks the pattern is reported at its place and
     * still returned, so that entries referring to it do not report it missing as well.
     */
    Optional<String> name(String key, String kind) {
        Optional<String> value = required(key);
        value.flatMap(v -> Names.problem(v, kind)).ifPresent(message -> error(node.get(key).orElseThrow(), message));
        return value;
    }

    Optional<String> text(String key) {
        Optional<Node> value = node.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) {
            if (s.text().isBlank()) {
                error(s, "'" + key + "' is empty");
                return Optional.empty();
            }
            return Optional.of(s.text());
        }
        error(value.get(), "'" + key + "' must be text, not " + value.get().kindName());
        return Optional.empty();
    }

    boolean flag(String key, boolean otherwise) {
        Optional<Node> value = node.get(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        error(value.get(), "'" + key + "' must be true or false");
        return otherwise;
    }

    /** A list of texts; a single text is taken as a list of one. */
    List<ScalarNode> texts(String key) {
        Optional<Node> value = node.get(key);
        List<ScalarNode> out = new ArrayList<>();
        if (value.isEmpty()) {
            return out;
        }
        if (value.get() instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) {
            out.add(s);
            return out;
        }
        if (!(value.get() instanceof ArrayNode a)) {
            error(value.get(), "'" + key + "' must be a list");
            return out;
        }
        for (Node item : a.items()) {
            if (item instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL && !s.text().isBlank()) {
                out.add(s);
            } else {
                error(item, "each entry of '" + key + "' must be text");
            }
        }
        return out;
    }

    /** A list of mappings. */
    List<ObjectNode> objects(String key) {
        Optional<Node> value = node.get(key);
        List<ObjectNode> out = new ArrayList<>();
        if (value.isEmpty()) {
            return out;
        }
        if (!(value.get() instanceof ArrayNode a)) {
            error(value.get(), "'" + key + "' must be a list");
            return out;
        }
        for (Node item : a.items()) {
            if (item instanceof ObjectNode o) {
                out.add(o);
            } else {
                error(item, "each entry of '" + key + "' must be a mapping, not " + item.kindName());
            }
        }
        return out;
    }
}
