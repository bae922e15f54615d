package org.breakwater.apidiff.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/** A JSON object or YAML mapping; keys keep their document order. */
public record ObjectNode(Map<String, Node> fields, int line, int column, long weight) implements Node {
    /** Takes ownership of {@code fields}: the reader hands over a map it no longer touches. */
    public ObjectNode {
        fields = fields instanceof FieldMap ? fields : Collections.unmodifiableMap(fields);
    }


    public Optional<Node> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    public Optional<ObjectNode> object(String key) {
        return fields.get(key) instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    public Optional<ArrayNode> array(String key) {
        return fields.get(key) instanceof ArrayNode a ? Optional.of(a) : Optional.empty();
    }

    /** The text of a scalar member (a number or boolean as written), if present. */
    public Optional<String> text(String key) {
        return fields.get(key) instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL
                ? Optional.of(s.text()) : Optional.empty();
    }

    public boolean flag(String key) {
        return fields.get(key) instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN
                && s.text().equals("true");
    }

    public Optional<Boolean> optionalFlag(String key) {
        return fields.get(key) instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN
                ? Optional.of(s.text().equals("true")) : Optional.empty();
    }
}
