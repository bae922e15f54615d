package org.breakwater.apidiff.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Swagger 2.0 onto the OpenAPI 3 shaped model: body and formData parameters become a
 * request body, {@code consumes}/{@code produces} become media types, inline parameter and
 * header types become schemas, host + basePath become the server.
 */
final class Swagger2Reader extends DescriptionReader {

    Swagger2Reader(SpecFiles files) {
        super(files, SpecVersion.SWAGGER_2_0);
    }

    @Override
    Operation operation(String method, String path, String pointer, ObjectNode op,
                        List<SpecFiles.Target> rawParameters) throws SpecException {
        List<String> consumes = mediaTypes(op, "consumes");
        List<String> produces = mediaTypes(op, "produces");
        List<Parameter> parameters = new ArrayList<>();
        Optional<RequestBody> body = Optional.empty();
        Map<String, Schema> formFields = new LinkedHashMap<>();
        Set<String> formRequired = new LinkedHashSet<>();
        boolean formHasFile = false;
        Source formSource = null;
        for (SpecFiles.Target t : rawParameters) {
            ObjectNode p = (ObjectNode) t.node();
            String name = p.text("name").orElseThrow();
            String in = p.text("in").orElseThrow();
            if (in.equals("body")) {
                Schema schema = p.has("schema")
                        ? schemas.read(t.doc(), Pointer.append(t.pointer(), "schema"), p.fields().get("schema"))
                        : Schema.any(t.source());
                body = Optional.of(new RequestBody(p.flag("required"), content(consumes, schema, t.source()), t.source()));
            } else if (in.equals("formData")) {
                formFields.put(name, file(schemas.read(t.doc(), t.pointer(), p), p));
                if (p.flag("required")) {
                    formRequired.add(name);
                }
                formHasFile |= p.text("type").map("file"::equals).orElse(false);
                formSource = formSource == null ? t.source() : formSource;
            } else {
                ParameterLocation loc = ParameterLocation.parse(in).orElseThrow(() -> new SpecException(Problem.at(
                        t.doc().name(), p, "parameter '" + name + "': 'in' must be path, query, header, body or formData")));
                String[] style = style(loc, p.text("collectionFormat").orElse("csv"));
                parameters.add(new Parameter(name, loc, loc == ParameterLocation.PATH || p.flag("required"),
                        p.flag("x-deprecated"), style[0], Boolean.parseBoolean(style[1]), false,
                        schemas.read(t.doc(), t.pointer(), p), t.source()));
            }
        }
        if (!formFields.isEmpty()) {
            Schema form = new Schema(formSource, Optional.empty(), Set.of("object"), Optional.empty(), Optional.empty(),
                    Optional.empty(), formFields, formRequired, false, Optional.empty(), Optional.empty(), Map.of(),
                    Optional.empty(), false, false, false, false, Optional.empty(), List.of(), List.of(), List.of(),
                    Optional.empty());
            List<String> types = new ArrayList<>();
            for (String c : consumes) {
                if (c.equals("multipart/form-data") || c.equals("application/x-www-form-urlencoded")) {
                    types.add(c);
                }
            }
            if (types.isEmpty()) {
                types.add(formHasFile ? "multipart/form-data" : "application/x-www-form-urlencoded");
            }
            body = Optional.of(new RequestBody(!formRequired.isEmpty(), content(types, form, formSource), formSource));
        }
        Map<String, Response> responses = responses(pointer, op, (t, r, status) -> response(t, r, status, produces));
        return new Operation(method, path, op.text("operationId"), op.text("summary"), op.flag("deprecated"),
                sunset(op), parameters, body, responses, requirements(op.fields().get("security")),
                Source.of(doc.name(), pointer, op));
    }

    /** Swagger 2.0's OAuth2 flow names as OpenAPI 3 spells them, so a migration changes no flow. */
    private static String flowName(String flow) {
        return switch (flow) {
            case "application" -> "clientCredentials";
            case "accessCode" -> "authorizationCode";
            default -> flow;
        };
    }

    /** Swagger 2.0's {@code type: file} is what OpenAPI 3 writes as a string in format binary. */
    private static Schema file(Schema s, ObjectNode raw) {
        if (!raw.text("type").map("file"::equals).orElse(false) || s.format().isPresent()) {
            return s;
        }
        return new Schema(s.source(), s.ref(), s.types(), Optional.of("binary"), s.enumValues(), s.defaultValue(),
                s.properties(), s.required(), s.closed(), s.additionalProperties(), s.items(), s.limits(), s.pattern(),
                s.uniqueItems(), s.readOnly(), s.writeOnly(), s.deprecated(), s.discriminator(), s.allOf(), s.oneOf(),
                s.anyOf(), s.title());
    }

    private Response response(SpecFiles.Target t, ObjectNode r, String status, List<String> produces) throws SpecException {
        Map<String, MediaType> content = Map.of();
        if (r.has("schema")) {
            Node raw = r.fields().get("schema");
            Schema schema = schemas.read(t.doc(), Pointer.append(t.pointer(), "schema"), raw);
            content = content(produces, raw instanceof ObjectNode o ? file(schema, o) : schema, t.source());
        }
        Map<String, Header> headers = new LinkedHashMap<>();
        Optional<ObjectNode> hs = r.object("headers");
        if (hs.isPresent()) {
            for (Map.Entry<String, Node> h : hs.get().fields().entrySet()) {
                String hp = Pointer.append(Pointer.append(t.pointer(), "headers"), h.getKey());
                Schema hsch = schemas.read(t.doc(), hp, h.getValue());
                headers.put(h.getKey().toLowerCase(Locale.ROOT), new Header(h.getKey(), false, false, hsch,
                        Source.of(t.doc().name(), hp, h.getValue())));
            }
        }
        return new Response(status, headers, content, t.source());
    }

    /** Swagger 2.0's collectionFormat as OpenAPI 3 style and explode. */
    private static String[] style(ParameterLocation in, String collectionFormat) {
        return switch (collectionFormat) {
            case "multi" -> new String[] {"form", "true"};
            case "ssv" -> new String[] {"spaceDelimited", "false"};
            case "pipes" -> new String[] {"pipeDelimited", "false"};
            case "tsv" -> new String[] {"tabDelimited", "false"};
            default -> new String[] {in.defaultStyle(), "false"};
        };
    }

    private List<String> mediaTypes(ObjectNode op, String key) {
        Optional<ArrayNode> a = op.array(key).or(() -> root.array(key));
        List<String> out = new ArrayList<>();
        a.ifPresent(arr -> arr.items().forEach(n -> {
            if (n instanceof ScalarNode s) {
                out.add(s.text());
            }
        }));
        if (out.isEmpty()) {
            out.add("application/json");
        }
        return out;
    }

    private static Map<String, MediaType> content(List<String> types, Schema schema, Source source) {
        Map<String, MediaType> out = new LinkedHashMap<>();
        for (String t : types) {
            out.put(mediaKey(t), new MediaType(t, Optional.of(schema), source));
        }
        return out;
    }

    @Override
    List<Server> servers() {
        String basePath = root.text("basePath").orElse("/");
        Optional<String> host = root.text("host");
        List<Server> out = new ArrayList<>();
        Optional<ArrayNode> schemes = root.array("schemes");
        Source source = root.get("basePath").map(n -> Source.of(doc.name(), "/basePath", n)).orElse(Source.NONE);
        if (host.isPresent() && schemes.isPresent() && !schemes.get().items().isEmpty()) {
            for (Node n : schemes.get().items()) {
                if (n instanceof ScalarNode s) {
                    out.add(new Server(s.text() + "://" + host.get() + basePath, basePath(basePath), source));
                }
            }
        } else {
            out.add(new Server(host.map(h -> "//" + h).orElse("") + basePath, basePath(basePath), source));
        }
        return out;
    }

    @Override
    Map<String, SecurityScheme> securitySchemes() throws SpecException {
        Map<String, SecurityScheme> out = new LinkedHashMap<>();
        Optional<ObjectNode> defs = root.object("securityDefinitions");
        if (defs.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Node> e : defs.get().fields().entrySet()) {
            if (!(e.getValue() instanceof ObjectNode s)) {
                throw problem(e.getValue(), "a security definition must be an object");
            }
            String type = s.text("type").orElse("");
            Map<String, Set<String>> flows = new LinkedHashMap<>();
            if (type.equals("oauth2")) {
                Set<String> scopes = new LinkedHashSet<>();
                s.object("scopes").ifPresent(sc -> scopes.addAll(sc.fields().keySet()));
                flows.put(flowName(s.text("flow").orElse("")), scopes);
            }
            boolean basic = type.equals("basic");
            out.put(e.getKey(), new SecurityScheme(e.getKey(), basic ? "http" : type, s.text("in"), s.text("name"),
                    basic ? Optional.of("basic") : Optional.empty(), flows,
                    s.text("tokenUrl").or(() -> s.text("authorizationUrl")),
                    Source.of(doc.name(), Pointer.append("/securityDefinitions", e.getKey()), s)));
        }
        return out;
    }
}
