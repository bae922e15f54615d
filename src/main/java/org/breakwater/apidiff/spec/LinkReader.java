package org.breakwater.apidiff.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code links} of an OpenAPI 3 response, following {@code $ref}s to components. */
final class LinkReader {
    private final SpecFiles files;

    LinkReader(SpecFiles files) {
        this.files = files;
    }

    Map<String, Link> read(SpecFiles.Document d, String pointer, ObjectNode response) throws SpecException {
        Optional<ObjectNode> links = response.object("links");
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<String, Link> out = new LinkedHashMap<>();
        String base = Pointer.append(pointer, "links");
        for (Map.Entry<String, Node> e : links.get().fields().entrySet()) {
            if (e.getKey().startsWith("x-")) {
                continue;
            }
            SpecFiles.Target t = files.follow(d, Pointer.append(base, e.getKey()), e.getValue());
            if (!(t.node() instanceof ObjectNode l)) {
                throw new SpecException(Problem.at(t.doc().name(), t.node(), "a link must be an object"));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            l.object("parameters").ifPresent(p -> p.fields().forEach((k, v) -> parameters.put(k, SchemaReader.canonical(v))));
            String target = l.text("operationId").or(() -> l.text("operationRef")).orElse("");
            out.put(e.getKey(), new Link(e.getKey(), target, parameters, l.get("requestBody").map(SchemaReader::canonical),
                    l.object("server").flatMap(s -> s.text("url")), t.source()));
        }
        return out;
    }
}
