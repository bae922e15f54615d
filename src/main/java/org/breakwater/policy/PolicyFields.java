package org.breakwater.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ScalarNode;

/**
 * Typed access to one mapping of a policy file ({@code announcements}, {@code meeting}…).
 * Unknown keys, missing keys and values of the wrong type are reported to the
 * {@link PolicyText} at their place and read as absent or as a placeholder, so one pass finds
 * every problem of a file; the reader throws before a placeholder can be used.
 */
final class PolicyFields {
    private static final ObjectNode EMPTY = new ObjectNode(Map.of(), 0, 0, 1);

    private final PolicyText text;
    private final ObjectNode node;
    private final String path;
    private final PolicyText.Place place;
    private final boolean written;

    /**
     * @param path    the dotted name of this mapping ("" for the top level)
     * @param place   where a missing key is reported: the mapping's own key
     * @param written false for a section that is absent or not a mapping: its keys are not
     *                reported missing, the section already was
     */
    private PolicyFields(PolicyText text, ObjectNode node, String path, PolicyText.Place place, boolean written,
                         List<String> known) {
        this.text = text;
        this.node = node;
        this.path = path;
        this.place = place;
        this.written = written;
        for (Map.Entry<String, Node> e : node.fields().entrySet()) {
            if (!known.contains(e.getKey())) {
                text.at(text.keyPlace(e.getKey(), e.getValue()), "unknown key '" + PolicyText.printable(e.getKey())
                        + "' in " + where() + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** The top level of a policy file; {@code known} in the order the documentation lists them. */
    static PolicyFields root(PolicyText text, Node root, List<String> known) {
        if (root instanceof ObjectNode o) {
            return new PolicyFields(text, o, "", PolicyText.Place.of(o), true, known);
        }
        text.at(root, "a policy file is a mapping of " + String.join(", ", known) + "; this one is "
                + root.kindName());
        return new PolicyFields(text, EMPTY, "", PolicyText.Place.of(root), false, known);
    }

    PolicyText text() {
        return text;
    }

    /** The dotted name of {@code key} in this mapping, as messages show it. */
    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String where() {
        return path.isEmpty() ? "the policy" : path;
    }

    /** The keys written in this mapping, in document order. */
    List<String> keys() {
        return List.copyOf(node.fields().keySet());
    }

    /** A required mapping; an absent or mistyped one reads as empty without further problems. */
    PolicyFields section(String key, List<String> known) {
        Optional<Node> value = required(key);
        if (value.isPresent() && value.get() instanceof ObjectNode o) {
            return new PolicyFields(text, o, name(key), text.keyPlace(key, o), true, known);
        }
        value.ifPresent(v -> wrongType(key, v, "a mapping"));
        return new PolicyFields(text, EMPTY, name(key), place, false, known);
    }

    /** A required member; reported where this mapping's key is written when missing. */
    Optional<Node> required(String key) {
        Optional<Node> value = node.get(key);
        if (value.isEmpty() && written) {
            text.at(place, where() + " has no '" + key + "'");
        }
        return value;
    }

    /** A required whole number of at least {@code min}; {@code min} when it is missing or wrong. */
    int number(String key, int min) {
        Optional<Node> value = required(key);
        if (value.isEmpty()) {
            return min;
        }
        if (!(value.get() instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.NUMBER) {
            wrongType(key, value.get(), "a whole number");
            return min;
        }
        Optional<BigDecimal> d = s.decimal();
        if (d.isEmpty() || d.get().stripTrailingZeros().scale() > 0) {
            text.at(s, name(key) + " must be a whole number, not " + s.text());
            return min;
        }
        if (d.get().compareTo(BigDecimal.valueOf(min)) < 0) {
            text.at(s, name(key) + " must be " + min + " or more, not " + s.text());
            return min;
        }
        if (d.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            text.at(s, name(key) + " is too large: " + s.text());
            return min;
        }
        return d.get().intValue();
    }

    /** A required true or false; false when it is missing or wrong. */
    boolean flag(String key) {
        Optional<Node> value = required(key);
        if (value.isPresent() && value.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) {
            return s.text().equals("true");
        }
        value.ifPresent(v -> wrongType(key, v, "true or false"));
        return false;
    }

    /** An optional true or false; {@code otherwise} when it is not written. */
    boolean optionalFlag(String key, boolean otherwise) {
        return node.get(key).isPresent() ? flag(key) : otherwise;
    }

    /** A required text; {@code what} says what kind of text, for the message. */
    Optional<ScalarNode> string(String key, String what) {
        return required(key).flatMap(v -> string(key, v, what));
    }

    /** An optional text: absent or empty ({@code key:} with nothing after it) reads as absent. */
    Optional<ScalarNode> optionalString(String key, String what) {
        Optional<Node> value = node.get(key);
        if (value.isEmpty() || value.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return Optional.empty();
        }
        return string(key, value.get(), what);
    }

    private Optional<ScalarNode> string(String key, Node value, String what) {
        if (value instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
            return Optional.of(s);
        }
        wrongType(key, value, what);
        return Optional.empty();
    }

    /** A list of texts, required or not; each entry that is not a text is reported. */
    List<ScalarNode> strings(String key, boolean required, String what) {
        Optional<Node> value = required ? required(key) : node.get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof ArrayNode a)) {
            wrongType(key, value.get(), "a list ([a, b], or one '- ' line per entry)");
            return List.of();
        }
        java.util.ArrayList<ScalarNode> out = new java.util.ArrayList<>();
        for (Node item : a.items()) {
            if (item instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING && !s.text().isBlank()) {
                out.add(s);
            } else {
                text.at(item, "each entry of " + name(key) + " must be " + what + ", not " + describe(item));
            }
        }
        return out;
    }

    void wrongType(String key, Node value, String what) {
        text.at(value, name(key) + " must be " + what + ", not " + describe(value));
    }

    /** "a string ('three')", "a number (3)", "an array": the kind, and a scalar's text. */
    static String describe(Node value) {
        if (value instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) {
            String shown = s.text().length() > 60 ? s.text().substring(0, 60) + "…" : s.text();
            return s.kind() == ScalarNode.Kind.STRING && s.text().isBlank() ? "an empty string"
                    : value.kindName() + " (" + PolicyText.printable(shown) + ")";
        }
        return value instanceof ScalarNode ? "an empty value" : value.kindName();
    }
}
