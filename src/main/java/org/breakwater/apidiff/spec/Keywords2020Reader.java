package org.breakwater.apidiff.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON Schema 2020-12 keywords of one schema object into {@link Keywords2020}:
 * only in OpenAPI 3.1 documents, except {@code not}, which every version has.
 */
final class Keywords2020Reader {
    private static final Set<String> KEYWORDS = Set.of("contains", "minContains", "maxContains", "prefixItems",
            "dependentRequired", "dependentSchemas", "if", "then", "else", "patternProperties", "propertyNames",
            "unevaluatedItems", "unevaluatedProperties", "contentEncoding", "contentMediaType", "contentSchema", "not");

    private final SchemaReader schemas;
    private final boolean all;

    Keywords2020Reader(SchemaReader schemas, SpecVersion version) {
        this.schemas = schemas;
        this.all = version == SpecVersion.OPENAPI_3_1;
    }

    Keywords2020 read(SpecFiles.Document doc, String pointer, ObjectNode o) throws SpecException {
        return keywords(doc, pointer, o).withExtensibleEnum(SchemaReader.values(o, "x-extensible-enum"));
    }

    private Keywords2020 keywords(SpecFiles.Document doc, String pointer, ObjectNode o) throws SpecException {
        if (!uses(o)) {
            return Keywords2020.NONE;
        }
        Optional<Schema> not = one(doc, pointer, o, "not");
        if (!all) {
            return not.isEmpty() ? Keywords2020.NONE : Keywords2020.NONE.withNot(not);
        }
        return new Keywords2020(one(doc, pointer, o, "contains"), decimal(o, "minContains"), decimal(o, "maxContains"),
                list(doc, pointer, o), dependentRequired(o), map(doc, pointer, o, "dependentSchemas"),
                one(doc, pointer, o, "if"), one(doc, pointer, o, "then"), one(doc, pointer, o, "else"),
                map(doc, pointer, o, "patternProperties"), one(doc, pointer, o, "propertyNames"),
                one(doc, pointer, o, "unevaluatedItems"), one(doc, pointer, o, "unevaluatedProperties"),
                o.text("contentEncoding"), o.text("contentMediaType").map(Keywords2020Reader::mediaType),
                one(doc, pointer, o, "contentSchema"), not, Optional.empty());
    }

    private boolean uses(ObjectNode o) {
        if (!all) {
            return o.has("not");
        }
        for (String k : o.fields().keySet()) {
            if (KEYWORDS.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Schema> one(SpecFiles.Document doc, String pointer, ObjectNode o, String key) throws SpecException {
        Node n = o.fields().get(key);
        return n == null ? Optional.empty() : Optional.of(schemas.read(doc, Pointer.append(pointer, key), n));
    }

    private List<Schema> list(SpecFiles.Document doc, String pointer, ObjectNode o) throws SpecException {
        Optional<ArrayNode> a = o.array("prefixItems");
        if (a.isEmpty()) {
            return List.of();
        }
        List<Schema> out = new ArrayList<>(a.get().items().size());
        String base = Pointer.append(pointer, "prefixItems");
        for (int i = 0; i < a.get().items().size(); i++) {
            out.add(schemas.read(doc, base + "/" + i, a.get().items().get(i)));
        }
        return out;
    }

    private Map<String, Schema> map(SpecFiles.Document doc, String pointer, ObjectNode o, String key) throws SpecException {
        Optional<ObjectNode> m = o.object(key);
        if (m.isEmpty()) {
            return Map.of();
        }
        Map<String, Schema> out = new LinkedHashMap<>();
        String base = Pointer.append(pointer, key);
        for (Map.Entry<String, Node> e : m.get().fields().entrySet()) {
            out.put(e.getKey(), schemas.read(doc, Pointer.append(base, e.getKey()), e.getValue()));
        }
        return out;
    }

    private static Map<String, Set<String>> dependentRequired(ObjectNode o) {
        Optional<ObjectNode> m = o.object("dependentRequired");
        if (m.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        m.get().fields().forEach((name, value) -> {
            Set<String> required = new LinkedHashSet<>();
            if (value instanceof ArrayNode a) {
                a.items().forEach(n -> {
                    if (n instanceof ScalarNode s) {
                        required.add(s.text());
                    }
                });
            }
            required.remove(name);
            if (!required.isEmpty()) {
                out.put(name, required);
            }
        });
        return out;
    }

    private static Optional<BigDecimal> decimal(ObjectNode o, String key) {
        return o.fields().get(key) instanceof ScalarNode s ? s.decimal() : Optional.empty();
    }

    /** Media type names compare without case or spaces: "Image/PNG" is "image/png". */
    private static String mediaType(String name) {
        return name.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }
}
