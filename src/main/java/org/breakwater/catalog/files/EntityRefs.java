package org.breakwater.catalog.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;

/** Reads the entity references an entity's fields hold, reporting malformed ones at their place. */
final class EntityRefs {
    /** A reference as written, with the node to report problems at. */
    record Written(EntityRef ref, ScalarNode node) {
    }

    private EntityRefs() {
    }

    /** A single entity reference; {@code path} names the field in messages. */
    static Optional<Written> one(BackstageEntity e, ObjectNode in, String key, String path) {
        return e.scalar(in, key, path).flatMap(s -> parse(e, s, path));
    }

    /**
     * A list of entity references. When {@code expected} is given, one naming another kind is
     * reported and dropped; one naming no kind is taken to be of the expected kind.
     */
    static List<Written> list(BackstageEntity e, ObjectNode in, String key, String path, String expected) {
        List<Written> out = new ArrayList<>();
        Optional<Node> value = in.get(key);
        if (value.isEmpty() || value.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return out;
        }
        if (!(value.get() instanceof ArrayNode list)) {
            e.error(value.get(), "'" + path + "' must be a list of entity references, not " + value.get().kindName());
            return out;
        }
        for (Node item : list.items()) {
            if (!(item instanceof ScalarNode s) || s.kind() == ScalarNode.Kind.NULL) {
                e.error(item, "each entry of '" + path + "' must be an entity reference, not " + item.kindName());
                continue;
            }
            Optional<Written> ref = parse(e, s, path);
            if (ref.isPresent() && expected != null && !ref.get().ref().is(expected, true)) {
                e.warning(s, "'" + s.text() + "' in " + path + " is not " + article(expected) + "; ignored");
            } else {
                ref.ifPresent(out::add);
            }
        }
        return out;
    }

    /** The names the references point at, each once, in order. */
    static List<String> names(List<Written> refs) {
        return refs.stream().map(r -> r.ref().name()).distinct().toList();
    }

    private static Optional<Written> parse(BackstageEntity e, ScalarNode s, String path) {
        Optional<EntityRef> ref = EntityRef.parse(s.text());
        if (ref.isEmpty()) {
            e.error(s, "'" + s.text() + "' in " + path + " is not an entity reference (kind:namespace/name)");
        }
        return ref.map(r -> new Written(r, s));
    }

    private static String article(String kind) {
        return kind.equals("api") ? "an API" : "a " + kind;
    }
}
