package org.breakwater.apidiff.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** OpenAPI 3.0 and 3.1 onto the normalised model. */
final class OpenApi3Reader extends DescriptionReader {
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

    private final LinkReader links = new LinkReader(files);
    private final CallbackReader callbacks = new CallbackReader(files, this);

    OpenApi3Reader(SpecFiles files, SpecVersion version) {
        super(files, version);
    }

    @Override
    Operation operation(String method, String path, String pointer, ObjectNode op,
                        List<SpecFiles.Target> rawParameters) throws SpecException {
        List<Parameter> parameters = new ArrayList<>();
        for (SpecFiles.Target t : rawParameters) {
            if (!ignored((ObjectNode) t.node())) {
                parameters.add(parameter(t));
            }
        }
        Optional<RequestBody> body = Optional.empty();
        Optional<Node> rb = op.get("requestBody");
        if (rb.isPresent()) {
            SpecFiles.Target t = files.follow(doc, Pointer.append(pointer, "requestBody"), rb.get());
            ObjectNode b = object(t);
            body = Optional.of(new RequestBody(b.flag("required"), content(t.doc(), t.pointer(), b), t.source()));
        }
        Map<String, Response> responses = responses(pointer, op, (t, r, status) ->
                new Response(status, headers(t.doc(), t.pointer(), r), content(t.doc(), t.pointer(), r), t.source(),
                        links.read(t.doc(), t.pointer(), r)));
        return new Operation(method, path, op.text("operationId"), op.text("summary"), op.flag("deprecated"),
                sunset(op), parameters, body, responses, requirements(op.fields().get("security")),
                Source.of(doc.name(), pointer, op), List.of(), callbacks.read(doc, pointer, op));
    }

    @Override
    List<Server> ownServers(SpecFiles.Document d, String pointer, ObjectNode holder) throws SpecException {
        return holder.has("servers") ? serverList(d, pointer, holder) : List.of();
    }

    /** OpenAPI 3 says header parameters named Accept, Content-Type or Authorization are ignored. */
    private static boolean ignored(ObjectNode p) {
        return p.text("in").orElse("").equals("header") && IGNORED_HEADERS.contains(
                p.text("name").orElse("").toLowerCase(Locale.ROOT));
    }

    private Parameter parameter(SpecFiles.Target t) throws SpecException {
        ObjectNode p = (ObjectNode) t.node();
        String name = p.text("name").orElseThrow();
        ParameterLocation in = ParameterLocation.parse(p.text("in").orElseThrow())
                .orElseThrow(() -> new SpecException(Problem.at(t.doc().name(), p,
                        "parameter '" + name + "': 'in' must be path, query, header or cookie")));
        Schema schema;
        if (p.has("schema")) {
            schema = schemas.read(t.doc(), Pointer.append(t.pointer(), "schema"), p.fields().get("schema"));
        } else {
            Map<String, MediaType> content = content(t.doc(), t.pointer(), p);
            schema = content.values().stream().findFirst().flatMap(MediaType::schema).orElse(Schema.any(t.source()));
        }
        String style = p.text("style").orElse(in.defaultStyle());
        boolean explode = p.optionalFlag("explode").orElse(style.equals("form"));
        return new Parameter(name, in, in == ParameterLocation.PATH || p.flag("required"), p.flag("deprecated"),
                style, explode, in == ParameterLocation.QUERY && p.flag("allowEmptyValue"), schema, t.source());
    }

    private Map<String, MediaType> content(SpecFiles.Document d, String pointer, ObjectNode holder) throws SpecException {
        Map<String, MediaType> out = new LinkedHashMap<>();
        Optional<ObjectNode> content = holder.object("content");
        if (content.isEmpty()) {
            return out;
        }
        String base = Pointer.append(pointer, "content");
        for (Map.Entry<String, Node> e : content.get().fields().entrySet()) {
            String mtPointer = Pointer.append(base, e.getKey());
            Optional<Schema> schema = Optional.empty();
            if (e.getValue() instanceof ObjectNode mt && mt.has("schema")) {
                schema = Optional.of(schemas.read(d, Pointer.append(mtPointer, "schema"), mt.fields().get("schema")));
            }
            out.put(mediaKey(e.getKey()), new MediaType(e.getKey(), schema, Source.of(d.name(), mtPointer, e.getValue())));
        }
        return out;
    }

    private Map<String, Header> headers(SpecFiles.Document d, String pointer, ObjectNode response) throws SpecException {
        Map<String, Header> out = new LinkedHashMap<>();
        Optional<ObjectNode> hs = response.object("headers");
        if (hs.isEmpty()) {
            return out;
        }
        String base = Pointer.append(pointer, "headers");
        for (Map.Entry<String, Node> e : hs.get().fields().entrySet()) {
            SpecFiles.Target t = files.follow(d, Pointer.append(base, e.getKey()), e.getValue());
            ObjectNode h = object(t);
            Schema schema;
            if (h.has("schema")) {
                schema = schemas.read(t.doc(), Pointer.append(t.pointer(), "schema"), h.fields().get("schema"));
            } else {
                schema = content(t.doc(), t.pointer(), h).values().stream().findFirst().flatMap(MediaType::schema)
                        .orElse(Schema.any(t.source()));
            }
            out.put(e.getKey().toLowerCase(Locale.ROOT),
                    new Header(e.getKey(), h.flag("required"), h.flag("deprecated"), schema, t.source()));
        }
        return out;
    }

    @Override
    List<Server> servers() throws SpecException {
        List<Server> out = serverList(doc, "", root);
        if (out.isEmpty()) {
            out.add(new Server("/", "/", Source.NONE));
        }
        return out;
    }

    /** The servers listed under {@code holder}'s "servers", variables replaced by their defaults. */
    private List<Server> serverList(SpecFiles.Document d, String pointer, ObjectNode holder) throws SpecException {
        List<Server> out = new ArrayList<>();
        Optional<ArrayNode> servers = holder.array("servers");
        if (servers.isPresent()) {
            for (int i = 0; i < servers.get().items().size(); i++) {
                Node n = servers.get().items().get(i);
                if (!(n instanceof ObjectNode s) || s.text("url").isEmpty()) {
                    throw new SpecException(Problem.at(d.name(), n, "a server needs a 'url'"));
                }
                String url = s.text("url").get();
                Optional<ObjectNode> vars = s.object("variables");
                if (vars.isPresent()) {
                    for (Map.Entry<String, Node> v : vars.get().fields().entrySet()) {
                        if (v.getValue() instanceof ObjectNode vo) {
                            url = url.replace("{" + v.getKey() + "}", vo.text("default").orElse(""));
                        }
                    }
                }
                out.add(new Server(url, basePath(url), Source.of(d.name(), Pointer.append(pointer, "servers") + "/" + i, n)));
            }
        }
        return out;
    }

    @Override
    Map<String, SecurityScheme> securitySchemes() throws SpecException {
        Map<String, SecurityScheme> out = new LinkedHashMap<>();
        Optional<ObjectNode> components = root.object("components");
        Optional<ObjectNode> ss = components.flatMap(c -> c.object("securitySchemes"));
        if (ss.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Node> e : ss.get().fields().entrySet()) {
            SpecFiles.Target t = files.follow(doc, Pointer.append("/components/securitySchemes", e.getKey()), e.getValue());
            ObjectNode s = object(t);
            Map<String, Set<String>> flows = new LinkedHashMap<>();
            Optional<String> tokenUrl = Optional.empty();
            Optional<ObjectNode> fl = s.object("flows");
            if (fl.isPresent()) {
                for (Map.Entry<String, Node> f : fl.get().fields().entrySet()) {
                    if (f.getValue() instanceof ObjectNode fo) {
                        Set<String> scopes = new LinkedHashSet<>();
                        fo.object("scopes").ifPresent(sc -> scopes.addAll(sc.fields().keySet()));
                        flows.put(f.getKey(), scopes);
                        if (tokenUrl.isEmpty()) {
                            tokenUrl = fo.text("tokenUrl").or(() -> fo.text("authorizationUrl"));
                        }
                    }
                }
            }
            out.put(e.getKey(), new SecurityScheme(e.getKey(), s.text("type").orElse(""), s.text("in"), s.text("name"),
                    s.text("scheme").map(x -> x.toLowerCase(Locale.ROOT)), flows, tokenUrl, t.source()));
        }
        return out;
    }

    private ObjectNode object(SpecFiles.Target t) throws SpecException {
        if (!(t.node() instanceof ObjectNode o)) {
            throw new SpecException(Problem.at(t.doc().name(), t.node(), "expected an object, found " + t.node().kindName()));
        }
        return o;
    }
}
