package org.breakwater.apidiff.spec;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns schema objects of any supported version into {@link Schema} records. A {@code $ref}
 * becomes a reference and its target is queued, then read once by {@link #drain()}: no
 * recursion follows references, so cycles cost nothing.
 */
final class SchemaReader {
    private static final Set<String> REF_SIBLINGS_IGNORED = Set.of("$ref", "description", "summary", "example",
            "examples", "title", "$comment");

    private final SpecFiles files;
    private final Keywords2020Reader keywords2020;
    private final SpecVersion version;
    private final Map<String, Schema> table = new HashMap<>();
    private final Set<String> queued = new java.util.HashSet<>();
    private final Deque<SpecFiles.Target> pending = new ArrayDeque<>();
    private final Set<String> extensible = new java.util.HashSet<>();

    SchemaReader(SpecFiles files, SpecVersion version) {
        this.files = files;
        this.version = version;
        this.keywords2020 = new Keywords2020Reader(this, version);
    }

    Map<String, Schema> table() {
        return table;
    }

    /** The schemas read so far that are marked open for new values (see {@link ApiSpec#extensible()}). */
    Set<String> extensible() {
        return extensible;
    }

    /** Reads every schema that references reached, until none is left. */
    void drain() throws SpecException {
        while (!pending.isEmpty()) {
            SpecFiles.Target t = pending.poll();
            table.put(t.key(), read(t.doc(), t.pointer(), t.node()));
        }
    }

    Schema read(SpecFiles.Document doc, String pointer, Node node) throws SpecException {
        Source source = Source.of(doc.name(), pointer, node);
        if (node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) {
            return s.text().equals("true") ? Schema.any(source) : nothing(source);
        }
        if (!(node instanceof ObjectNode o)) {
            throw new SpecException(Problem.at(doc.name(), node, "a schema must be an object, found " + node.kindName()));
        }
        if (o.has("$ref")) {
            SpecFiles.Target target = files.resolve(doc, o);
            String key = target.key();
            if (queued.add(key)) {
                pending.add(target);
            }
            Schema ref = Schema.reference(key, source);
            if (version == SpecVersion.OPENAPI_3_1 && hasSchemaSiblings(o)) {
                Schema rest = readObject(doc, pointer, o, source);
                return new Schema(source, Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Map.of(), Set.of(), false, Optional.empty(), Optional.empty(), Map.of(),
                        Optional.empty(), false, false, false, rest.deprecated(), Optional.empty(),
                        List.of(ref, rest), List.of(), List.of(), Optional.empty());
            }
            return ref;
        }
        return readObject(doc, pointer, o, source);
    }

    private static boolean hasSchemaSiblings(ObjectNode o) {
        for (String k : o.fields().keySet()) {
            if (!REF_SIBLINGS_IGNORED.contains(k) && !k.startsWith("x-")) {
                return true;
            }
        }
        return false;
    }

    private Schema readObject(SpecFiles.Document doc, String pointer, ObjectNode o, Source source) throws SpecException {
        if (o.has("x-extensible-enum") || o.flag("x-extensible")) {
            extensible.add(ApiSpec.key(source));
        }
        Set<String> types = types(doc, o);
        Map<String, Schema> properties = new LinkedHashMap<>();
        Optional<ObjectNode> props = o.object("properties");
        if (props.isPresent()) {
            String base = Pointer.append(pointer, "properties");
            for (Map.Entry<String, Node> e : props.get().fields().entrySet()) {
                properties.put(e.getKey(), read(doc, Pointer.append(base, e.getKey()), e.getValue()));
            }
        }
        Set<String> required = new LinkedHashSet<>();
        o.array("required").ifPresent(a -> a.items().forEach(n -> {
            if (n instanceof ScalarNode s) {
                required.add(s.text());
            }
        }));
        boolean closed = false;
        Optional<Schema> additional = Optional.empty();
        Node ap = o.fields().get("additionalProperties");
        if (ap instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) {
            closed = s.text().equals("false");
        } else if (ap instanceof ObjectNode) {
            additional = Optional.of(read(doc, Pointer.append(pointer, "additionalProperties"), ap));
        }
        Optional<Schema> items = Optional.empty();
        Node it = o.fields().get("items");
        if (it instanceof ObjectNode || (it instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN)) {
            items = Optional.of(read(doc, Pointer.append(pointer, "items"), it));
        }
        if (types.isEmpty() && (props.isPresent() || ap instanceof ObjectNode || closed)) {
            types = Set.of("object");
        } else if (types.isEmpty() && items.isPresent()) {
            types = Set.of("array");
        }
        return new Schema(source, Optional.empty(), types, o.text("format"), enumValues(o), o.get("default").map(SchemaReader::canonical),
                properties, required, closed, additional, items, limits(o, types), pattern(o),
                o.flag("uniqueItems"), o.flag("readOnly"), o.flag("writeOnly"),
                o.flag("deprecated") || o.flag("x-deprecated"), discriminator(o),
                list(doc, pointer, o, "allOf"), list(doc, pointer, o, "oneOf"), list(doc, pointer, o, "anyOf"),
                o.text("title"), keywords2020.read(doc, pointer, o));
    }

    private Set<String> types(SpecFiles.Document doc, ObjectNode o) throws SpecException {
        Set<String> types = new LinkedHashSet<>();
        Node t = o.fields().get("type");
        if (t instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
            types.add(s.text().equals("file") ? "string" : s.text());
        } else if (t instanceof ArrayNode a) {
            for (Node n : a.items()) {
                if (n instanceof ScalarNode s) {
                    types.add(s.text());
                }
            }
        } else if (t != null) {
            throw new SpecException(Problem.at(doc.name(), t, "'type' must be a string or an array of strings"));
        }
        if (!types.isEmpty() && (o.flag("nullable") || o.flag("x-nullable"))) {
            types.add("null");
        }
        return types;
    }

    private static Optional<List<String>> enumValues(ObjectNode o) {
        if (o.has("const")) {
            return Optional.of(List.of(canonical(o.fields().get("const"))));
        }
        return o.array("enum").map(a -> {
            List<String> values = new ArrayList<>(a.items().size());
            for (Node n : a.items()) {
                values.add(canonical(n));
            }
            return values;
        });
    }

    static String canonical(Node n) {
        return n instanceof ScalarNode s ? s.json() : Json.write(n);
    }

    private Map<Constraint, Limit> limits(ObjectNode o, Set<String> types) {
        Map<Constraint, Limit> limits = new EnumMap<>(Constraint.class);
        for (Constraint c : Constraint.values()) {
            decimal(o, c.keyword()).filter(c::restricts).ifPresent(v -> limits.put(c, new Limit(v, false)));
        }
        if (version == SpecVersion.OPENAPI_3_1) {
            // Beside an inclusive bound, the numeric exclusive one counts only where it is the stricter.
            decimal(o, "exclusiveMaximum").ifPresent(v -> {
                Limit inclusive = limits.get(Constraint.MAXIMUM);
                if (inclusive == null || v.compareTo(inclusive.value()) <= 0) {
                    limits.put(Constraint.MAXIMUM, new Limit(v, true));
                }
            });
            decimal(o, "exclusiveMinimum").ifPresent(v -> {
                Limit inclusive = limits.get(Constraint.MINIMUM);
                if (inclusive == null || v.compareTo(inclusive.value()) >= 0) {
                    limits.put(Constraint.MINIMUM, new Limit(v, true));
                }
            });
        } else {
            if (o.flag("exclusiveMaximum") && limits.containsKey(Constraint.MAXIMUM)) {
                limits.put(Constraint.MAXIMUM, new Limit(limits.get(Constraint.MAXIMUM).value(), true));
            }
            if (o.flag("exclusiveMinimum") && limits.containsKey(Constraint.MINIMUM)) {
                limits.put(Constraint.MINIMUM, new Limit(limits.get(Constraint.MINIMUM).value(), true));
            }
        }
        Limit divisor = limits.get(Constraint.MULTIPLE_OF);
        if (divisor != null && divisor.value().signum() > 0 && wholeNumbersOnly(types)
                && BigDecimal.ONE.remainder(divisor.value()).signum() == 0) {
            limits.remove(Constraint.MULTIPLE_OF); // multipleOf: 1 (or 0.5...) on an integer is the default written out
        }
        return limits;
    }

    private static boolean wholeNumbersOnly(Set<String> types) {
        return types.contains("integer") && (types.size() == 1 || (types.size() == 2 && types.contains("null")));
    }

    private static Optional<BigDecimal> decimal(ObjectNode o, String key) {
        return o.fields().get(key) instanceof ScalarNode s ? s.decimal() : Optional.empty();
    }

    private static Optional<Discriminator> discriminator(ObjectNode o) {
        Node d = o.fields().get("discriminator");
        if (d instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
            return Optional.of(new Discriminator(s.text(), Map.of()));
        }
        if (d instanceof ObjectNode dn && dn.text("propertyName").isPresent()) {
            Map<String, String> mapping = new LinkedHashMap<>();
            dn.object("mapping").ifPresent(m -> m.fields().forEach((k, v) -> {
                if (v instanceof ScalarNode s) {
                    mapping.put(k, s.text());
                }
            }));
            return Optional.of(new Discriminator(dn.text("propertyName").get(), mapping));
        }
        return Optional.empty();
    }

    private List<Schema> list(SpecFiles.Document doc, String pointer, ObjectNode o, String key) throws SpecException {
        Optional<ArrayNode> a = o.array(key);
        if (a.isEmpty()) {
            return List.of();
        }
        List<Schema> out = new ArrayList<>(a.get().items().size());
        String base = Pointer.append(pointer, key);
        for (int i = 0; i < a.get().items().size(); i++) {
            out.add(read(doc, base + "/" + i, a.get().items().get(i)));
        }
        return out;
    }

    private static Schema nothing(Source source) {
        return new Schema(source, Optional.empty(), Set.of("never"), Optional.empty(), Optional.of(List.of()),
                Optional.empty(), Map.of(), Set.of(), false, Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), false, false, false, false, Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty());
    }

    /** An empty pattern matches every string: it restricts nothing, so it counts as no pattern. */
    private static Optional<String> pattern(ObjectNode o) {
        return o.text("pattern").filter(p -> !p.isEmpty());
    }
}
